package org.terrawatch.monitoring;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing names of the domain's enumerated values: Chinese first ({@code labels.properties}),
 * English available ({@code labels_en.properties}). Keys are {@code SimpleEnumName.CONSTANT}.
 */
public final class Labels {

    private static final String BUNDLE = "org.terrawatch.monitoring.labels";
    // Without this control a JVM running in an English locale would answer a Chinese request in English.
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Labels() {
    }

    /** The Chinese label. */
    public static String zh(Enum<?> value) {
        return of(value, Locale.CHINESE);
    }

    /** The English label. */
    public static String en(Enum<?> value) {
        return of(value, Locale.ENGLISH);
    }

    /** Every label in the given language, by key ({@code SimpleEnumName.CONSTANT}): for clients that show them. */
    public static Map<String, String> all(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language(locale), NO_FALLBACK);
        Map<String, String> labels = new TreeMap<>();
        bundle.keySet().forEach(key -> labels.put(key, bundle.getString(key)));
        return labels;
    }

    private static Locale language(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT;
    }

    /** The label in the given language; anything but English gets Chinese. */
    public static String of(Enum<?> value, Locale locale) {
        Locale language = language(locale);
        String key = value.getDeclaringClass().getSimpleName() + "." + value.name();
        try {
            return ResourceBundle.getBundle(BUNDLE, language, NO_FALLBACK).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No label for " + key + " in " + BUNDLE + " (" + language + ")", e);
        }
    }
}
