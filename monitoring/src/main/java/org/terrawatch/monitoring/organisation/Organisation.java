package org.terrawatch.monitoring.organisation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The departments, working groups and users as the data directory declares them. Checked as a whole:
 * codes are unique and every reference names a declared department.
 */
public record Organisation(List<Department> departments, List<WorkingGroup> workingGroups, List<User> users) {

    public Organisation {
        departments = List.copyOf(departments);
        workingGroups = List.copyOf(workingGroups);
        users = List.copyOf(users);
        Set<String> codes = new HashSet<>();
        for (Department department : departments) {
            if (!codes.add(department.code())) {
                throw new IllegalArgumentException("Department code " + department.code() + " is declared twice");
            }
        }
        for (WorkingGroup group : workingGroups) {
            for (String member : group.departmentCodes()) {
                requireDepartment(codes, member, "working group " + group.code());
            }
        }
        for (User user : users) {
            if (user.departmentCode() != null) {
                requireDepartment(codes, user.departmentCode(), "user " + user.username());
            }
        }
    }

    private static void requireDepartment(Set<String> codes, String code, String where) {
        if (!codes.contains(code)) {
            throw new IllegalArgumentException("The " + where + " names department " + code + ", which is not declared");
        }
    }
}
