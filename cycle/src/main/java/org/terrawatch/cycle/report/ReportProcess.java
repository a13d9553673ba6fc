package org.terrawatch.cycle.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.terrawatch.monitoring.workflow.RuleViolation;
import org.terrawatch.processing.GeoJson;
import org.terrawatch.processing.Parameter;
import org.terrawatch.processing.Process;
import org.terrawatch.processing.ProcessContext;
import org.terrawatch.processing.ProcessDescription;
import org.terrawatch.processing.ProcessFailure;
import org.terrawatch.processing.ProcessInputs;
import org.terrawatch.processing.ProcessOutputs;

/**
 * A monitoring report as a process (WPS, OGC API – Processes), with its progress as the job's: the same report as
 * {@code POST /api/reports} makes — that endpoint runs this process on a report it queued ({@code report}).
 */
public final class ReportProcess implements Process {

    private static final ProcessDescription DESCRIPTION = new ProcessDescription("monitoring-report", "1.0.0", "Monitoring report",
            "The weekly instant-monitoring report, the monthly report or the quarterly report (city rules, article 20) as DOCX, PDF and "
                    + "XLSX: maps from this server's WMS, charts, statistics by category, county and township, and the quality evaluation.",
            List.of(Parameter.literal("kind", "Kind", "WEEKLY, MONTHLY or QUARTERLY", "string", true).allowing("WEEKLY", "MONTHLY", "QUARTERLY"),
                    Parameter.literal("period", "Period", "2026-W44, 2026-10 or 2026-Q3", "string", true),
                    Parameter.literal("report", "Report", "A report queued before (its id); a new one when absent", "integer", false)),
            List.of(Parameter.complex("report", "Report", "The report: its id, state, figures and download links", false, "application/json")));

    private final ReportGeneration generation;
    private final ReportRepository reports;

    public ReportProcess(ReportGeneration generation, ReportRepository reports) {
        this.generation = Objects.requireNonNull(generation, "generation");
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    @Override
    public ProcessDescription description() {
        return DESCRIPTION;
    }

    @Override
    public boolean changesData(ProcessInputs inputs) {
        return true;
    }

    @Override
    public ProcessOutputs execute(ProcessInputs inputs, ProcessContext context) {
        ReportPeriod period;
        try {
            period = ReportPeriod.of(inputs.text("kind"), inputs.text("period"));
        } catch (IllegalArgumentException e) {
            throw ProcessFailure.invalid("period", e.getMessage());
        }
        Report report;
        try {
            ReportGeneration.mayRequest(context.actor());
            report = inputs.has("report") ? reports.find(inputs.number("report").longValue())
                    .filter(r -> r.requestedBy().equals(context.actor().username()))
                    .orElseThrow(() -> ProcessFailure.invalid("report", "No queued report " + inputs.text("report") + " of yours"))
                    : generation.queue(period, context.actor());
        } catch (RuleViolation e) {
            throw new ProcessFailure(ProcessFailure.FORBIDDEN, null, e.getMessage());
        }
        try {
            report = generation.generate(report, context::progress);
        } catch (IllegalArgumentException e) {
            throw ProcessFailure.invalid("period", e.getMessage());
        }
        return new ProcessOutputs().put("report", GeoJson.json(describe(report)));
    }

    /** A report as the API shows it: id, kind, period, state, progress, figures and download links. */
    public static Map<String, Object> describe(Report report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", report.id());
        json.put("kind", report.kind().name());
        json.put("period", report.period());
        json.put("state", report.state().name());
        json.put("progress", report.progress());
        json.put("message", report.message());
        json.put("requestedBy", report.requestedBy());
        json.put("requestedAt", report.requestedAt().toString());
        json.put("finishedAt", report.finishedAt() == null ? null : report.finishedAt().toString());
        json.put("error", report.error());
        json.put("figures", report.figures() == null ? null : GeoJson.JSON.readTree(report.figures()));
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", "/api/reports/" + report.id());
        if (report.state() == Report.State.DONE) {
            for (String format : List.of("docx", "pdf", "xlsx")) {
                links.put(format, "/api/reports/" + report.id() + "/" + format);
            }
        }
        json.put("links", links);
        return json;
    }
}
