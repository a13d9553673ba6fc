package org.terrawatch.app.api;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.terrawatch.monitoring.organisation.Department;
import org.terrawatch.monitoring.organisation.OrganisationRepository;
import org.terrawatch.monitoring.organisation.WorkingGroup;
import org.terrawatch.store.SpatialStore;

/**
 * {@code GET /api/organisation}: the departments and working groups (code, names, kind, members) — whom a work order
 * goes to — for signed-in users; telephone numbers and people stay with the administrators' API.
 */
@RestController
public class OrganisationController {

    private final OrganisationRepository organisation;

    public OrganisationController(SpatialStore store) {
        this.organisation = new OrganisationRepository(store);
    }

    @GetMapping("/api/organisation")
    public Map<String, Object> organisation() {
        List<Map<String, Object>> departments = organisation.departments().stream().map(OrganisationController::department).toList();
        List<Map<String, Object>> groups = organisation.workingGroups().stream().map(OrganisationController::group).toList();
        return Map.of("departments", departments, "workingGroups", groups);
    }

    private static Map<String, Object> department(Department d) {
        return Map.of("code", d.code(), "name", d.name(), "nameEn", d.nameEn() == null ? d.name() : d.nameEn(), "kind", d.kind().name());
    }

    private static Map<String, Object> group(WorkingGroup g) {
        return Map.of("code", g.code(), "name", g.name(), "nameEn", g.nameEn() == null ? g.name() : g.nameEn(), "departments", g.departmentCodes());
    }
}
