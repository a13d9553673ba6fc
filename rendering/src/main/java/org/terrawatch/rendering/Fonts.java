package org.terrawatch.rendering;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Fonts for labels. A style names families in order (e.g. "Noto Sans CJK SC, sans-serif"); the first one
 * installed is used, then the CJK families the set-up installs (Debian {@code fonts-noto-cjk}), then Java's
 * logical SansSerif, which falls back to whatever the system has for Chinese.
 */
public final class Fonts {

    /** Tried after the style's own families, in order. */
    public static final List<String> CJK_FALLBACKS = List.of("Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
            "Droid Sans Fallback", "AR PL UMing CN");

    private static final Set<String> INSTALLED = Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT))
            .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    private static final Map<String, Font> CACHE = new ConcurrentHashMap<>();

    private Fonts() {
    }

    public static Font font(String families, double size, boolean bold, boolean italic) {
        String key = families + "|" + size + "|" + bold + "|" + italic;
        return CACHE.computeIfAbsent(key, k -> {
            int style = (bold ? Font.BOLD : 0) | (italic ? Font.ITALIC : 0);
            return new Font(family(families), style, 1).deriveFont(style, (float) size);
        });
    }

    /** The family a list resolves to on this machine. */
    public static String family(String families) {
        if (families != null) {
            for (String family : families.split(",")) {
                String name = family.strip().replace("\"", "").replace("'", "");
                if (INSTALLED.contains(name.toLowerCase(Locale.ROOT))) {
                    return name;
                }
            }
        }
        return CJK_FALLBACKS.stream().filter(f -> INSTALLED.contains(f.toLowerCase(Locale.ROOT))).findFirst().orElse(Font.SANS_SERIF);
    }

    /** Whether a CJK font is installed (the set-up installs Noto Sans CJK); without one Chinese labels may show boxes. */
    public static boolean cjkInstalled() {
        return CJK_FALLBACKS.stream().anyMatch(f -> INSTALLED.contains(f.toLowerCase(Locale.ROOT)));
    }
}
