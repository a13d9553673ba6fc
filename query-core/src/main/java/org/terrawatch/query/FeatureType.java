package org.terrawatch.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.terrawatch.ows.OwsException;

/**
 * A published feature type: its definition and the properties read from its relation, in column order.
 * The geometry property (if any) is among them with {@link Binding#GEOMETRY}.
 */
public record FeatureType(LayerDefinition definition, List<Property> properties) {

    public static final String PREFIX = "terrawatch";
    public static final String NAMESPACE = "http://terrawatch.org/terrawatch";

    public FeatureType {
        Objects.requireNonNull(definition, "definition");
        properties = List.copyOf(properties);
    }

    public String name() {
        return definition.name();
    }

    /** {@code terrawatch:<name>}. */
    public String qualifiedName() {
        return PREFIX + ":" + definition.name();
    }

    public Optional<Property> geometry() {
        return properties.stream().filter(p -> p.binding() == Binding.GEOMETRY).findFirst();
    }

    /** The property of that name; {@code gml:name} is the layer's naming property. */
    public Optional<Property> property(String name) {
        String wanted = name.equalsIgnoreCase("gml:name") && definition.nameProperty() != null ? definition.nameProperty() : name;
        return properties.stream().filter(p -> p.name().equalsIgnoreCase(wanted)).findFirst();
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
