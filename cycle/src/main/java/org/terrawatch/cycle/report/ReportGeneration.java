package org.terrawatch.cycle.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.monitoring.workflow.RuleViolation;
import org.terrawatch.reports.document.DocxReport;
import org.terrawatch.reports.document.PdfReport;
import org.terrawatch.reports.document.ReportDocument;
import org.terrawatch.reports.document.XlsxReport;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a report's files — DOCX and PDF of the whole report, XLSX of its patch list and statistics — under
 * {@code <folder>/<id>/}, each written, forced to disk and then recorded with the figures it prints. Reports are
 * confidential (article 9): only those who read every layer (administrators, the satellite centre's analysts, leaders)
 * ask for them, and every download is recorded where they are served.
 */
public final class ReportGeneration {

    public static final Set<Role> REQUESTERS = Set.of(Role.ADMIN, Role.ANALYST, Role.LEADER);
    public static final Map<String, String> MEDIA_TYPES = Map.of(
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "pdf", "application/pdf",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReportRepository reports;
    private final ReportContent content;
    private final PdfReport pdf;
    private final Path folder;
    private final Clock clock;

    public ReportGeneration(ReportRepository reports, ReportContent content, PdfReport pdf, Path folder, Clock clock) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.content = Objects.requireNonNull(content, "content");
        this.pdf = Objects.requireNonNull(pdf, "pdf");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static void mayRequest(Actor actor) {
        if (actor == null || !actor.hasAny(REQUESTERS)) {
            throw RuleViolation.forbidden("report", "kind", "Reports are for administrators, the satellite centre's analysts and leaders");
        }
    }

    /** Queues a report of the period for the actor. */
    public Report queue(ReportPeriod period, Actor actor) {
        mayRequest(actor);
        return reports.queue(period, actor.username(), clock.instant());
    }

    /** Makes the queued report's files; a failure is recorded on the report and thrown. */
    public Report generate(Report report, ReportContent.Progress progress) {
        ReportPeriod period = ReportPeriod.of(report.kind().name(), report.period());
        try {
            ReportContent.Progress both = (percent, message) -> {
                reports.progress(report.id(), percent, message);
                progress.report(percent, message);
            };
            both.report(1, "Gathering the figures");
            ReportContent.Built built = content.build(period, report.requestedBy(), clock.instant(), both);
            Path into = Files.createDirectories(folder.resolve(Long.toString(report.id())));
            String base = period.kind().name().toLowerCase(Locale.ROOT) + "-" + period.label();
            ReportDocument document = built.document();
            Map<String, Object> files = new LinkedHashMap<>();
            files.put("docx", write(into, base + ".docx", new DocxReport(content.templates().word(period.kind())).write(document)));
            files.put("pdf", write(into, base + ".pdf", pdf.write(document)));
            files.put("xlsx", write(into, base + ".xlsx", new XlsxReport().write(document)));
            reports.done(report.id(), JSON.writeValueAsString(files), JSON.writeValueAsString(built.figures()), clock.instant());
            progress.report(100, "Done");
            return reports.find(report.id()).orElseThrow();
        } catch (IOException e) {
            reports.failed(report.id(), e.getMessage(), clock.instant());
            throw new UncheckedIOException("The report's files could not be written in " + folder, e);
        } catch (RuntimeException e) {
            reports.failed(report.id(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), clock.instant());
            throw e;
        }
    }

    /** Where a done report's file of a format is, or null. */
    public Path file(Report report, String format) {
        if (report.files() == null || !MEDIA_TYPES.containsKey(format)) {
            return null;
        }
        String name = JSON.readTree(report.files()).path(format).path("name").asString(null);
        return name == null ? null : folder.resolve(Long.toString(report.id())).resolve(name);
    }

    private static Map<String, Object> write(Path folder, String name, byte[] content) throws IOException {
        Path file = folder.resolve(name);
        Files.write(file, content);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        return Map.of("name", name, "bytes", content.length);
    }
}
