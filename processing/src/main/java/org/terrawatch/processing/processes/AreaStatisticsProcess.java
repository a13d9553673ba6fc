package org.terrawatch.processing.processes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.terrawatch.monitoring.patch.PatchCategory;
import org.terrawatch.monitoring.task.MonitoringTask;
import org.terrawatch.monitoring.task.MonitoringTaskRepository;
import org.terrawatch.processing.GeoJson;
import org.terrawatch.processing.Parameter;
import org.terrawatch.processing.Process;
import org.terrawatch.processing.ProcessContext;
import org.terrawatch.processing.ProcessDescription;
import org.terrawatch.processing.ProcessFailure;
import org.terrawatch.processing.ProcessInputs;
import org.terrawatch.processing.ProcessOutputs;
import org.terrawatch.processing.StoredRows;
import org.terrawatch.store.SpatialStore;

/**
 * Patch counts and areas by admin unit (county, township or village) and category, for a task or a span of
 * after-dates: the table of the monthly report.
 */
public final class AreaStatisticsProcess implements Process {

    private static final Map<String, String[]> LEVELS = Map.of(
            "county", new String[] {"county_code", "county_name"},
            "township", new String[] {"township_code", "township_name"},
            "village", new String[] {"village_code", "village_name"});

    private static final ProcessDescription DESCRIPTION = new ProcessDescription("area-statistics", "1.0.0", "Area statistics",
            "Counts and areas (m², mu, ha) of patches by admin unit and category, for a monitoring task or a span of after-dates.",
            List.of(Parameter.literal("task", "Monitoring task", "The task's code; all tasks when absent", "string", false),
                    Parameter.literal("from", "From", "First after-date counted", "date", false),
                    Parameter.literal("to", "To", "Last after-date counted", "date", false),
                    Parameter.literal("level", "Level", "The admin level to group by", "string", false)
                            .allowing("county", "township", "village").withDefault("county")),
            List.of(Parameter.complex("statistics", "Statistics", "Rows by admin unit and category, and totals by category", false,
                    "application/json")));

    private final SpatialStore store;

    public AreaStatisticsProcess(SpatialStore store) {
        this.store = store;
    }

    @Override
    public ProcessDescription description() {
        return DESCRIPTION;
    }

    @Override
    public ProcessOutputs execute(ProcessInputs inputs, ProcessContext context) {
        String[] columns = LEVELS.get(inputs.text("level"));
        // Only the patches the run's owner may read are counted, as WFS would show them.
        StoredRows.Scope readable = context.readable("change_patch");
        StringBuilder where = new StringBuilder(" WHERE (" + readable.condition() + ")");
        List<Object> parameters = new ArrayList<>(readable.parameters());
        if (inputs.has("task")) {
            MonitoringTask task = new MonitoringTaskRepository(store).findByCode(inputs.text("task"))
                    .orElseThrow(() -> ProcessFailure.invalid("task", "No monitoring task " + inputs.text("task")));
            where.append(" AND task_id = ?");
            parameters.add(task.id());
        }
        LocalDate from = inputs.date("from");
        LocalDate to = inputs.date("to");
        if (from != null && to != null && to.isBefore(from)) {
            throw ProcessFailure.invalid("to", "The span ends (" + to + ") before it begins (" + from + ")");
        }
        if (from != null) {
            where.append(" AND after_date >= ?");
            parameters.add(from);
        }
        if (to != null) {
            where.append(" AND after_date <= ?");
            parameters.add(to);
        }
        String sql = "SELECT " + columns[0] + " AS code, " + columns[1] + " AS name, category, COUNT(*) AS patches, SUM(area_m2) AS m2, "
                + "SUM(area_mu) AS mu, SUM(area_ha) AS ha FROM change_patch" + where + " GROUP BY " + columns[0] + ", " + columns[1]
                + ", category ORDER BY " + columns[0] + ", category";
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Map<String, Object>> totals = new LinkedHashMap<>();
        for (PatchCategory category : PatchCategory.values()) {
            Map<String, Object> total = new LinkedHashMap<>();
            total.put("patches", 0L);
            total.put("area_m2", 0.0);
            total.put("area_mu", 0.0);
            totals.put(category.name(), total);
        }
        store.jdbc().sql(sql).params(parameters).query((row, n) -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("code", row.getString("code"));
            line.put("name", row.getString("name"));
            line.put("category", row.getString("category"));
            line.put("patches", row.getLong("patches"));
            line.put("area_m2", round(row.getDouble("m2")));
            line.put("area_mu", round(row.getDouble("mu")));
            line.put("area_ha", round(row.getDouble("ha")));
            return line;
        }).list().forEach(line -> {
            rows.add(line);
            Map<String, Object> total = totals.get((String) line.get("category"));
            total.put("patches", (Long) total.get("patches") + (Long) line.get("patches"));
            total.put("area_m2", round((Double) total.get("area_m2") + (Double) line.get("area_m2")));
            total.put("area_mu", round((Double) total.get("area_mu") + (Double) line.get("area_mu")));
        });
        Map<String, Object> statistics = new LinkedHashMap<>();
        statistics.put("level", inputs.text("level"));
        statistics.put("task", inputs.text("task"));
        statistics.put("from", from == null ? null : from.toString());
        statistics.put("to", to == null ? null : to.toString());
        statistics.put("rows", rows);
        statistics.put("totals", totals);
        return new ProcessOutputs().put("statistics", GeoJson.json(statistics));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
