package org.terrawatch.cycle.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bureau's wording and Word templates from reports.yml: what it leaves out keeps the defaults; a template it names must be there. */
class ReportTemplatesTest {

    @TempDir
    Path dataDir;

    @Test
    void whatTheBureauLeavesOutKeepsTheDefaults() throws IOException {
        ReportTemplates templates = new ReportTemplates(Map.of(ReportPeriod.Kind.MONTHLY,
                new ReportTemplates.Template("阳泉市月报（{period}）", null, null)), dataDir);
        assertThat(templates.of(ReportPeriod.Kind.MONTHLY).title()).isEqualTo("阳泉市月报（{period}）");
        assertThat(templates.of(ReportPeriod.Kind.MONTHLY).intro()).isEqualTo(ReportTemplates.DEFAULTS.of(ReportPeriod.Kind.MONTHLY).intro());
        assertThat(templates.of(ReportPeriod.Kind.WEEKLY)).isEqualTo(ReportTemplates.DEFAULTS.of(ReportPeriod.Kind.WEEKLY));
        assertThat(templates.word(ReportPeriod.Kind.MONTHLY)).isNull();
        assertThat(ReportTemplates.fill("{period} 共 {patches} 个", Map.of("period", "2026-11", "patches", "12"))).isEqualTo("2026-11 共 12 个");
    }

    @Test
    void aWordTemplateIsReadFromTheDataDirectoryAndAMissingOneIsNamed() throws IOException {
        Files.createDirectories(dataDir.resolve("report-templates"));
        Files.write(dataDir.resolve("report-templates/monthly.docx"), new byte[] {'P', 'K', 3, 4});
        ReportTemplates templates = new ReportTemplates(Map.of(
                ReportPeriod.Kind.MONTHLY, new ReportTemplates.Template(null, null, "report-templates/monthly.docx"),
                ReportPeriod.Kind.WEEKLY, new ReportTemplates.Template(null, null, "report-templates/weekly.docx")), dataDir);
        assertThat(templates.word(ReportPeriod.Kind.MONTHLY)).containsExactly('P', 'K', 3, 4);
        assertThatThrownBy(() -> templates.word(ReportPeriod.Kind.WEEKLY)).isInstanceOf(IOException.class)
                .hasMessageContaining("report-templates/weekly.docx").hasMessageContaining("WEEKLY");
    }
}
