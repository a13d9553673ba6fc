package org.terrawatch.query;

import java.util.List;
import java.util.Objects;
import org.terrawatch.ows.CoordinateDecimals;

/**
 * A layer as the data directory declares it ({@code layers.yml}): what to call it, where its rows are, and
 * which column is its identity and its geometry. The other properties are read from the relation itself.
 *
 * @param name           local name; published as {@code <prefix>:<name>}, e.g. {@code terrawatch:patches}
 * @param relation       the table or view holding the features
 * @param geometryType   geometry type of the geometry column: Point, LineString, Polygon or their Multi- forms
 * @param excluded       columns not to publish
 * @param defaultSort    property that orders features when a request gives no order (paging needs one)
 * @param temporalProperty the date or timestamp property OGC API's {@code datetime} selects on, or null
 * @param nameProperty   the property published as {@code gml:name} (a patch's code, a camera's name), or null
 * @param writeRoles     roles that may write the layer (WFS-T, OGC API Part 4) where the server has an editor
 *                       for it; empty for a read-only layer
 * @param jurisdictionProperties the admin-code properties (county, township) a read rule {@code within: [JURISDICTION]}
 *                       selects on: a feature is in a jurisdiction when one of them starts with its code
 * @param departmentProperties the department or working-group properties a read rule {@code within: [DEPARTMENT]}
 *                       selects on: a feature is pushed to a department when one of them is its code or its group's
 * @param descriptionProperty the property published as {@code gml:description}, or null
 * @param coordinateDecimals how many decimals its coordinates are written with, in degrees and in metres
 *                       ({@link CoordinateDecimals#DEFAULT} when not given)
 */
public record LayerDefinition(String name, String title, String titleEn, String abstractText, List<String> keywords,
                              String relation, String idColumn, String geometryColumn, String geometryType,
                              List<String> excluded, String defaultSort, String temporalProperty, String nameProperty,
                              List<String> writeRoles, List<String> jurisdictionProperties, List<String> departmentProperties,
                              String descriptionProperty, CoordinateDecimals coordinateDecimals) {

    public LayerDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(title, "title");
        idColumn = idColumn == null ? "id" : idColumn;
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
        writeRoles = writeRoles == null ? List.of() : List.copyOf(writeRoles);
        jurisdictionProperties = jurisdictionProperties == null ? List.of() : List.copyOf(jurisdictionProperties);
        departmentProperties = departmentProperties == null ? List.of() : List.copyOf(departmentProperties);
        defaultSort = defaultSort == null ? idColumn : defaultSort;
        coordinateDecimals = coordinateDecimals == null ? CoordinateDecimals.DEFAULT : coordinateDecimals;
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("A layer name is a letter, then letters, digits or _: " + name);
        }
        if (!relation.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("A relation name is a lower-case identifier: " + relation);
        }
    }
}
