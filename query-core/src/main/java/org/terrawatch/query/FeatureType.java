package org.terrawatch.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.terrawatch.ows.CoordinateFormat;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.OwsException;

/**
 * A published feature type: its definition and the properties read from its relation, in column order.
 * The geometry property (if any) is among them with {@link Binding#GEOMETRY}.
 */
public record FeatureType(LayerDefinition definition, List<Property> properties, Namespace namespace) {

    public FeatureType {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(namespace, "namespace");
        properties = List.copyOf(properties);
    }

    /** A type in the default namespace, {@link Namespace#TERRAWATCH}. */
    public FeatureType(LayerDefinition definition, List<Property> properties) {
        this(definition, properties, Namespace.TERRAWATCH);
    }

    public String name() {
        return definition.name();
    }

    /** How the type's coordinates are written in the CRS: the layer's decimals for the CRS's unit, in every output. */
    public CoordinateFormat coordinateFormat(Crs crs) {
        return definition.coordinateDecimals().format(crs);
    }

    /** {@code <prefix>:<name>}, e.g. {@code terrawatch:patches}. */
    public String qualifiedName() {
        return namespace.prefix() + ":" + definition.name();
    }

    public Optional<Property> geometry() {
        return properties.stream().filter(p -> p.binding() == Binding.GEOMETRY).findFirst();
    }

    /**
     * The property of that name; {@code gml:name} and {@code gml:description} are the layer's naming and describing
     * properties, when it has them.
     */
    public Optional<Property> property(String name) {
        String wanted = name.equalsIgnoreCase("gml:name") ? definition.nameProperty()
                : name.equalsIgnoreCase("gml:description") ? definition.descriptionProperty() : name;
        return wanted == null ? Optional.empty() : properties.stream().filter(p -> p.name().equalsIgnoreCase(wanted)).findFirst();
    }

    /** The property of that name, or an OWS error naming the parameter at fault. */
    public Property requireProperty(String name, String locator) {
        return property(name).orElseThrow(() -> OwsException.invalid(locator,
                "Feature type " + qualifiedName() + " has no property " + name));
    }

    /** The feature identifier of a row: {@code <name>.<id>}. */
    public String featureId(Object id) {
        return definition.name() + "." + id;
    }
}
