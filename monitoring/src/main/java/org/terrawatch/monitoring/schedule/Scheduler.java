package org.terrawatch.monitoring.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.terrawatch.store.SpatialStore;

/**
 * The persistent scheduler of the monitoring calendar: each round it lets the plans add the jobs now due (by their
 * keys, once however many nodes plan), then claims the due jobs one by one and runs them — renewing its lease while a
 * job works, committing a job's effects with its completion, putting a waiting job back, retrying a failed one with a
 * growing pause up to {@link #MAX_ATTEMPTS} times. A job whose node died is taken over when its lease runs out (after a
 * restart, by the same server); its effects had not committed, so they commit once.
 */
public final class Scheduler implements AutoCloseable {

    static final int MAX_ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final SpatialStore store;
    private final JobSchedule schedule;
    private final List<CalendarPlan> plans;
    private final Map<String, JobWork> works = new LinkedHashMap<>();
    private final String node;
    private final Duration lease;
    private final Clock clock;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "scheduler-lease");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param node  this server's name among the nodes sharing the store (unique per start)
     * @param lease how long a claim holds without renewal: after a crash, the job is taken over this long after
     */
    public Scheduler(SpatialStore store, List<CalendarPlan> plans, List<JobWork> works, String node, Duration lease, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.schedule = new JobSchedule(store);
        this.plans = List.copyOf(plans);
        works.forEach(work -> this.works.put(work.kind(), work));
        this.node = Objects.requireNonNull(node, "node");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public JobSchedule schedule() {
        return schedule;
    }

    /** One round: plan, then run what is due. Returns how many jobs this node completed. */
    public int round() {
        Instant now = clock.instant();
        for (CalendarPlan plan : plans) {
            plan.plan(schedule, now);
        }
        int completed = 0;
        for (ScheduledJob job : schedule.due(now, 50)) {
            JobWork work = works.get(job.kind());
            if (work != null && schedule.claim(job, node, now, now.plus(lease))) {
                completed += run(job, work) ? 1 : 0;
            }
        }
        return completed;
    }

    private boolean run(ScheduledJob job, JobWork work) {
        long renewEvery = Math.max(100, lease.toMillis() / 3);
        ScheduledFuture<?> renewal = heartbeat.scheduleWithFixedDelay(() -> schedule.renew(job.id(), node, clock.instant().plus(lease)),
                renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        try {
            JobWork.Result result = work.run(job, clock.instant());
            renewal.cancel(false);
            if (result instanceof JobWork.Waiting waiting) {
                schedule.postpone(job.id(), node, waiting.until(), waiting.why(), false);
                return false;
            }
            JobWork.Done done = (JobWork.Done) result;
            store.inTransaction(() -> {
                done.effects().run();
                schedule.complete(job.id(), node, clock.instant(), done.outcome());
            });
            LOG.info("Scheduled job {} done: {}", job.key(), done.outcome());
            return true;
        } catch (RuntimeException e) {
            renewal.cancel(false);
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (e instanceof JobSchedule.LostClaim) {
                LOG.warn("Scheduled job {} was taken over by another node; this node's run is rolled back", job.key());
            } else if (job.attempts() + 1 >= MAX_ATTEMPTS) {
                schedule.fail(job.id(), node, clock.instant(), error);
                LOG.warn("Scheduled job {} failed for good: {}", job.key(), error);
            } else {
                schedule.postpone(job.id(), node, clock.instant().plus(Duration.ofMinutes(1L << Math.min(10, job.attempts() + 1))), error, true);
                LOG.warn("Scheduled job {} failed, to be tried again: {}", job.key(), error);
            }
            return false;
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
    }
}
