package org.terrawatch.monitoring.organisation;

import java.util.List;
import java.util.Objects;

/**
 * A verification-and-handling working group (核查处置工作组) of the command centre, made of departments.
 */
public record WorkingGroup(String code, String name, String nameEn, String leader, String duties, List<String> departmentCodes) {

    public WorkingGroup {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        departmentCodes = departmentCodes == null ? List.of() : List.copyOf(departmentCodes);
    }
}
