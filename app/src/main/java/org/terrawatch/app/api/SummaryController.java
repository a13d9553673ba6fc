package org.terrawatch.app.api;

import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.summary.MonitoringSummary;
import org.terrawatch.monitoring.summary.SummaryQuery;

/** {@code GET /api/summary}: what the store holds, counted as of today in China. */
@RestController
@RequestMapping("/api")
public class SummaryController {

    private final SummaryQuery summary;

    public SummaryController(SummaryQuery summary) {
        this.summary = summary;
    }

    @GetMapping("/summary")
    public MonitoringSummary summary() {
        return summary.read(LocalDate.now(Deadlines.CHINA));
    }
}
