package org.terrawatch.query.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.terrawatch.query.Binding;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.LayerDefinition;
import org.terrawatch.query.Property;
import org.terrawatch.query.filter.Filter;

/** The read rules as data: rules and a caller in, the features granted out. */
class ReadRulesTest {

    private static final FeatureType PATCHES = new FeatureType(new LayerDefinition("patches", "变化图斑", null, null, null, "change_patch",
            "id", "geom", "MultiPolygon", null, "id", null, null, null, List.of("county_code", "township_code"),
            List.of("responsible_department"), null, null),
            List.of(new Property("id", Binding.LONG), new Property("county_code", Binding.STRING), new Property("township_code", Binding.STRING),
                    new Property("responsible_department", Binding.STRING), new Property("geom", Binding.GEOMETRY)));
    private static final FeatureType UNITS = new FeatureType(new LayerDefinition("admin_units", "行政区划", null, null, null, "admin_unit",
            "code", "geom", "MultiPolygon", null, "code", null, null, null, null, null, null, null),
            List.of(new Property("code", Binding.STRING), new Property("geom", Binding.GEOMETRY)));

    private static final ReadRules RULES = new ReadRules(List.of(
            new ReadRule(Set.of("LEADER"), Set.of("*"), null, null),
            new ReadRule(Set.of("VIEWER"), Set.of("*"), Set.of(ReadOperation.MAP), null),
            new ReadRule(Set.of("DEPARTMENT_HANDLER"), Set.of("patches"), null, Set.of(ReadScope.JURISDICTION, ReadScope.DEPARTMENT)),
            new ReadRule(Set.of(ReadRule.ANONYMOUS), Set.of("admin_units"), null, null)))
            .checkedAgainst(List.of(PATCHES, UNITS), Set.of("imagery"));

    private static Reader reader(String role, String department, Set<String> groups, Set<String> jurisdictions) {
        return new Reader("someone", Set.of(role), department, groups, jurisdictions, null);
    }

    @Test
    void grantsAddUpFromWholeLayersToScopedParts() {
        assertThat(RULES.restriction(PATCHES, ReadOperation.FEATURES, reader("LEADER", null, Set.of(), Set.of()))).contains(Filter.INCLUDE);
        Reader township = reader("DEPARTMENT_HANDLER", "guanshan", Set.of("g1"), Set.of("140321100"));
        assertThat(RULES.restriction(PATCHES, ReadOperation.FEATURES, township)).contains(new Filter.Or(List.of(
                new Filter.Like("county_code", "140321100%", true), new Filter.Like("township_code", "140321100%", true),
                new Filter.In("responsible_department", List.of("guanshan", "g1")))));
        Reader nowhere = reader("DEPARTMENT_HANDLER", null, Set.of(), Set.of());
        assertThat(RULES.restriction(PATCHES, ReadOperation.FEATURES, nowhere)).as("granted in part, but nothing selects").contains(Filter.EXCLUDE);
        assertThat(RULES.restriction(UNITS, ReadOperation.FEATURES, township)).as("no rule, nothing").isEmpty();
    }

    @Test
    void operationsAnonymousCallersScopedKeysAndTheServer() {
        Reader viewer = reader("VIEWER", null, Set.of(), Set.of());
        assertThat(RULES.restriction(PATCHES, ReadOperation.MAP, viewer)).contains(Filter.INCLUDE);
        assertThat(RULES.restriction(PATCHES, ReadOperation.FEATURES, viewer)).isEmpty();
        assertThat(RULES.visible(PATCHES, viewer)).isTrue();
        assertThat(RULES.permits("imagery", ReadOperation.MAP, viewer)).isTrue();
        assertThat(RULES.visible(UNITS, Reader.ANONYMOUS)).isTrue();
        assertThat(RULES.visible(PATCHES, Reader.ANONYMOUS)).isFalse();
        Reader key = new Reader("key:x", Set.of("LEADER"), null, Set.of(), Set.of(), Set.of("admin_units"));
        assertThat(RULES.visible(PATCHES, key)).as("a key reads no layer outside its scope, whatever its roles").isFalse();
        assertThat(RULES.visible(UNITS, key)).isTrue();
        assertThat(new ReadRules(List.of()).restriction(PATCHES, ReadOperation.FEATURES, Reader.SYSTEM)).contains(Filter.INCLUDE);
    }

    @Test
    void mistakesOfTheConfigurationAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new ReadRules(List.of(new ReadRule(Set.of("VIEWER"), Set.of("parcels"), null, null)))
                .checkedAgainst(List.of(PATCHES, UNITS), Set.of())).hasMessageContaining("parcels");
        assertThatThrownBy(() -> new ReadRules(List.of(new ReadRule(Set.of("VIEWER"), Set.of("admin_units"), null, Set.of(ReadScope.DEPARTMENT))))
                .checkedAgainst(List.of(PATCHES, UNITS), Set.of())).hasMessageContaining("department-properties");
    }
}
