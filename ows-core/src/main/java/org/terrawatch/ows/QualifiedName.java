package org.terrawatch.ows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A qualified name from a request ({@code ns12:patches}) with its prefix resolved through the bindings the request
 * made: the {@code xmlns} declarations in scope in XML, the {@code NAMESPACES} parameter in KVP. Names are matched
 * by namespace, never by the literal prefix, as clients choose their own prefixes.
 *
 * @param prefix    the prefix as written, empty when there is none
 * @param namespace the namespace the prefix is bound to; null when the name has no prefix or the prefix is unbound
 * @param local     the local part
 */
public record QualifiedName(String prefix, String namespace, String local) {

    private static final Pattern XMLNS = Pattern.compile("xmlns\\(([^)]*)\\)");

    /** Resolves {@code prefix:local} (or a bare {@code local}) through the given prefix bindings. */
    public static QualifiedName resolve(String text, Map<String, String> prefixes) {
        String name = text.strip();
        int colon = name.indexOf(':');
        if (colon < 0) {
            return new QualifiedName("", null, name);
        }
        String prefix = name.substring(0, colon);
        String namespace = prefixes.get(prefix);
        return new QualifiedName(prefix, namespace == null || namespace.isEmpty() ? null : namespace, name.substring(colon + 1));
    }

    /** A name taken from an element's own namespace and local name; an empty namespace counts as none. */
    public static QualifiedName of(String namespace, String local) {
        return new QualifiedName("", namespace == null || namespace.isEmpty() ? null : namespace, local);
    }

    /**
     * The prefix bindings of a KVP request: WFS 2.0's {@code NAMESPACES=xmlns(ns12,http://…)} and WFS 1.1's
     * {@code NAMESPACE=xmlns(ns12=http://…)}, several separated by commas; {@code xmlns(http://…)} binds the default
     * namespace, which qualified names do not use.
     */
    public static Map<String, String> bindings(Kvp kvp) {
        Map<String, String> bindings = new LinkedHashMap<>();
        String value = kvp.first("NAMESPACES", "NAMESPACE").orElse("");
        Matcher matcher = XMLNS.matcher(value);
        while (matcher.find()) {
            String binding = matcher.group(1).strip();
            int comma = binding.indexOf(',');
            int split = comma >= 0 ? comma : binding.indexOf('=');
            if (split < 0) {
                continue;
            }
            bindings.put(binding.substring(0, split).strip(), binding.substring(split + 1).strip());
        }
        if (!value.isBlank() && bindings.isEmpty() && !matcher.reset().find()) {
            throw OwsException.invalid("NAMESPACES", "NAMESPACES is a list of xmlns(prefix,uri), not " + value);
        }
        return Map.copyOf(bindings);
    }

    /** How the name was written, for messages: {@code ns12:patches}, or {@code {uri}patches} for an element's name. */
    @Override
    public String toString() {
        return !prefix.isEmpty() ? prefix + ":" + local : namespace != null ? "{" + namespace + "}" + local : local;
    }
}
