package org.terrawatch.cycle;

/** The kinds of the monthly cycle's scheduled jobs. */
public final class CycleJobs {

    /** The monthly task, created at month end (article 13). */
    public static final String MONTHLY_TASK = "MONTHLY_TASK";
    /** The quarterly task, created at quarter end. */
    public static final String QUARTERLY_TASK = "QUARTERLY_TASK";
    /** A task's change detection, once both its epochs are registered (article 18). */
    public static final String DETECTION = "DETECTION";
    /** The management data a month still lacks, told the day after it was due (article 13). */
    public static final String SUBMISSIONS_OVERDUE = "SUBMISSIONS_OVERDUE";
    /** A task's extraction due in two days (by the 10th, article 13). */
    public static final String EXTRACTION_DUE = "EXTRACTION_DUE";
    /** Pushed patches past their verification deadline (one month, article 21), each morning. */
    public static final String VERIFICATION_OVERDUE = "VERIFICATION_OVERDUE";

    /** Pre-checked patches not pushed after two days, each morning (article 13: pushed after the pre-check). */
    public static final String PUSH_DUE = "PUSH_DUE";
    /** A task closed after its verification month: its verified changes handed on to the working base map (article 14). */
    public static final String MONTH_CLOSE = "MONTH_CLOSE";

    private CycleJobs() {
    }
}
