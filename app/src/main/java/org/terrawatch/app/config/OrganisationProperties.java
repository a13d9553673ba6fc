package org.terrawatch.app.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.terrawatch.monitoring.organisation.Department;
import org.terrawatch.monitoring.organisation.Organisation;
import org.terrawatch.monitoring.organisation.User;
import org.terrawatch.monitoring.organisation.WorkingGroup;

/** Departments and working groups ({@code organisation.yml}) and users ({@code users.yml}) of the data directory. */
@ConfigurationProperties("terrawatch.organisation")
public record OrganisationProperties(@DefaultValue List<Department> departments, @DefaultValue List<WorkingGroup> workingGroups,
                                     @DefaultValue List<User> users,
                                     @DefaultValue java.util.Map<org.terrawatch.monitoring.patch.PatchCategory, String> pushRouting) {

    /** The organisation, checked as a whole (unique codes, known departments). */
    public Organisation organisation() {
        return new Organisation(departments, workingGroups, users);
    }
}
