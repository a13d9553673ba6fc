package org.terrawatch.monitoring.organisation;

import java.util.Objects;

/**
 * A unit that receives and handles work: a bureau section, a public institution, an enforcement team,
 * a township government, the technical operator.
 *
 * @param adminCode for a township: its statistical division code, so work can be routed by location
 */
public record Department(String code, String name, String nameEn, DepartmentKind kind, String adminCode, String phone) {

    public Department {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
