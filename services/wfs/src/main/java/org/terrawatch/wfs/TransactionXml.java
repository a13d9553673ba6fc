package org.terrawatch.wfs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.GmlGeometryReader;
import org.terrawatch.ows.OwsException;
import org.terrawatch.ows.QualifiedName;
import org.terrawatch.ows.xml.XmlElement;
import org.terrawatch.query.Binding;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.FeatureTypeCatalog;
import org.terrawatch.query.Property;
import org.terrawatch.query.filter.FesFilter;
import org.terrawatch.query.filter.PropertyPath;
import org.terrawatch.query.filter.Filter;

/**
 * Reads a {@code wfs:Transaction} in the forms clients send: WFS 2.0 (Insert, Update with ValueReference,
 * Replace, Delete, fes:Filter, lockId attribute) and WFS 1.1.0 / 1.0.0 (Property/Name, ogc:Filter with
 * FeatureId or GmlObjectId, a LockId element) as QGIS and GDAL/OGR write them. Elements are matched by local
 * name. Geometries without srsName are in EPSG:4490 — latitude first for 2.0 and 1.1.0, longitude first for 1.0.0.
 */
final class TransactionXml {

    private TransactionXml() {
    }

    static TransactionRequest parse(XmlElement root, FeatureTypeCatalog catalog) {
        String version = root.attribute("version").orElse(WfsService.VERSION);
        if (!List.of(WfsService.VERSION, "2.0.2", WfsService.VERSION_1_1, WfsService.VERSION_1_0).contains(version)) {
            throw OwsException.invalid("version", "WFS version " + version + " is not offered");
        }
        boolean legacyAxes = version.equals(WfsService.VERSION_1_0);
        String lockId = root.attribute("lockId").or(() -> root.child("LockId").map(XmlElement::text)).orElse(null);
        String release = root.attribute("releaseAction").orElse("ALL").toUpperCase(Locale.ROOT);
        if (!release.equals("ALL") && !release.equals("SOME")) {
            throw OwsException.invalid("releaseAction", "releaseAction is ALL or SOME, not " + release);
        }
        List<TransactionAction> actions = new ArrayList<>();
        for (XmlElement action : root.children()) {
            String handle = action.attribute("handle").orElse(null);
            Crs crs = action.attribute("srsName").map(name -> Crs.parse(name, legacyAxes, "srsName"))
                    .orElse(legacyAxes ? Crs.STORAGE : Crs.parse("urn:ogc:def:crs:EPSG::4490", false, "srsName"));
            switch (action.name()) {
                case "LockId" -> {
                }
                case "Insert" -> actions.add(new TransactionAction.Insert(handle,
                        action.children().stream().map(f -> feature(f, catalog, crs)).toList()));
                case "Update" -> {
                    FeatureType type = catalog.require(action.attribute("typeName")
                            .orElseThrow(() -> OwsException.missing("typeName")), action.prefixes(), "typeName");
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (XmlElement property : action.children("Property")) {
                        XmlElement reference = property.child("ValueReference").or(() -> property.child("Name"))
                                .orElseThrow(() -> OwsException.missing("ValueReference"));
                        Property target = againstSchema(() -> type.requireProperty(PropertyPath.step(reference.text(), reference.prefixes()),
                                "ValueReference"));
                        XmlElement value = property.child("Value").orElse(null);
                        values.put(target.name(), value == null ? null : againstSchema(() -> value(target, value, crs)));
                    }
                    XmlElement filter = action.child("Filter").orElse(null);
                    actions.add(new TransactionAction.Update(handle, type, values, filter(filter, crs), version(filter)));
                }
                case "Replace" -> {
                    XmlElement filter = action.require("Filter", "Replace");
                    XmlElement replacement = action.children().stream().filter(c -> !c.name().equals("Filter")).findFirst()
                            .orElseThrow(() -> OwsException.missing("Replace feature"));
                    actions.add(new TransactionAction.Replace(handle, feature(replacement, catalog, crs), filter(filter, crs), version(filter)));
                }
                case "Delete" -> {
                    FeatureType type = catalog.require(action.attribute("typeName")
                            .orElseThrow(() -> OwsException.missing("typeName")), action.prefixes(), "typeName");
                    XmlElement filter = action.require("Filter", "Delete");
                    actions.add(new TransactionAction.Delete(handle, type, filter(filter, crs), version(filter)));
                }
                case "Native" -> {
                    if (!action.attribute("safeToIgnore").orElse("false").equals("true")) {
                        throw new OwsException(ExceptionCode.OPERATION_NOT_SUPPORTED, "Native",
                                "Native actions are not supported; mark it safeToIgnore=\"true\" to skip it");
                    }
                }
                default -> throw new OwsException(ExceptionCode.OPERATION_PARSING_FAILED, action.name(),
                        "A Transaction holds Insert, Update, Replace, Delete or Native actions, not " + action.name());
            }
        }
        return new TransactionRequest(version, root.attribute("handle").orElse(null), lockId, release.equals("ALL"), actions);
    }

    /** A feature element ({@code terrawatch:patches}) and its property elements. */
    static TransactionAction.NewFeature feature(XmlElement element, FeatureTypeCatalog catalog, Crs crs) {
        return againstSchema(() -> parsedFeature(element, catalog, crs));
    }

    /**
     * Reads what a Transaction would write: a type, property or value that the feature types' schema does not allow is
     * InvalidValue, the code WFS 2.0 gives a write that violates the schema (Table 3), not a bad request parameter.
     */
    private static <T> T againstSchema(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (OwsException e) {
            if (e.code() != ExceptionCode.INVALID_PARAMETER_VALUE) {
                throw e;
            }
            throw new OwsException(ExceptionCode.INVALID_VALUE, e.locator(), e.getMessage(), e);
        }
    }

    private static TransactionAction.NewFeature parsedFeature(XmlElement element, FeatureTypeCatalog catalog, Crs crs) {
        FeatureType type = catalog.require(QualifiedName.of(element.namespace(), element.name()), "Insert");
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> standard = new LinkedHashMap<>();
        for (XmlElement child : element.children()) {
            if (isGml(child)) {
                // gml:name and gml:description are kept where the type names a property for them; the rest is the server's
                type.property("gml:" + child.name()).ifPresent(p -> standard.put(p.name(), child.text()));
                continue;
            }
            Property property = type.requireProperty(child.name(), "Insert");
            values.put(property.name(), value(property, child, crs));
        }
        standard.forEach(values::putIfAbsent);
        return new TransactionAction.NewFeature(type, values);
    }

    private static Object value(Property property, XmlElement holder, Crs crs) {
        if (property.binding() == Binding.GEOMETRY) {
            return holder.children().isEmpty() ? null : new GmlGeometryReader(crs, property.name()).geometry(holder.children().get(0));
        }
        return holder.text();
    }

    private static Filter filter(XmlElement filter, Crs crs) {
        return filter == null ? Filter.INCLUDE : FesFilter.parse(filter, crs, "Filter");
    }

    /** The version of a filter that is one versioned resource id, else null. */
    private static Long version(XmlElement filter) {
        if (filter == null || filter.children().size() != 1 || !filter.children().get(0).name().equals("ResourceId")) {
            return null;
        }
        String version = filter.children().get(0).attribute("version").orElse(null);
        if (version == null) {
            return null;
        }
        try {
            return Long.valueOf(version);
        } catch (NumberFormatException e) {
            throw OwsException.invalid("version", "This server identifies versions by number, not " + version);
        }
    }

    private static boolean isGml(XmlElement element) {
        return element.namespace() != null && element.namespace().startsWith("http://www.opengis.net/gml");
    }
}
