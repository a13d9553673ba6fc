package org.terrawatch.app.reports;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.terrawatch.cycle.report.ReportPeriod;
import org.terrawatch.cycle.report.ReportTemplates;

/**
 * The reports ({@code terrawatch.reports} in {@code <data-dir>/reports.yml}).
 *
 * @param font      the CJK font file (and face) the PDFs embed and the charts draw with; Debian's Noto Sans CJK by default
 * @param templates each kind's title and opening paragraph (WEEKLY, MONTHLY, QUARTERLY), with placeholders, and the
 *                  bureau's Word template the DOCX is written into (a path in the data directory)
 */
@ConfigurationProperties("terrawatch.reports")
public record ReportProperties(@DefaultValue("") String font, @DefaultValue Map<ReportPeriod.Kind, ReportTemplates.Template> templates) {
}
