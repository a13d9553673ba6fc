package org.terrawatch.app.reports;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.terrawatch.app.config.TerraWatchProperties;
import org.terrawatch.cycle.report.ReportContent;
import org.terrawatch.cycle.report.ReportGeneration;
import org.terrawatch.cycle.report.ReportProcess;
import org.terrawatch.cycle.report.ReportRepository;
import org.terrawatch.cycle.report.ReportTemplates;
import org.terrawatch.reports.CjkFont;
import org.terrawatch.reports.document.Charts;
import org.terrawatch.reports.document.PdfReport;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.wms.WmsService;

/** The monitoring reports: their content from the store, maps from our WMS, files under {@code <data-dir>/reports}. */
@Configuration(proxyBeanMethods = false)
public class ReportConfiguration {

    @Bean
    public ReportRepository reportRepository(SpatialStore store) {
        return new ReportRepository(store);
    }

    @Bean
    public ReportGeneration reportGeneration(SpatialStore store, ReportRepository reports, WmsService wms, ReportProperties properties,
                                             TerraWatchProperties settings, Clock clock) {
        String font = CjkFont.locate(properties.font().isBlank() ? null : properties.font());
        ReportContent content = new ReportContent(store, new WmsReportMaps(wms), new Charts(CjkFont.awt(font, 12)),
                new ReportTemplates(properties.templates(), settings.dataDirectory()));
        return new ReportGeneration(reports, content, new PdfReport(font), settings.dataDirectory().resolve("reports"), clock);
    }

    @Bean
    public ReportProcess reportProcess(ReportGeneration generation, ReportRepository reports) {
        return new ReportProcess(generation, reports);
    }
}
