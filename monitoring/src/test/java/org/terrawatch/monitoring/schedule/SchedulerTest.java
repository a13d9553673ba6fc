package org.terrawatch.monitoring.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.terrawatch.monitoring.StoreFixture;
import org.terrawatch.monitoring.notify.Outbox;
import org.terrawatch.monitoring.notify.OutboxMessage;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.StoreType;
import org.terrawatch.store.testing.MovableClock;

/**
 * The persistent scheduler on both stores: a job runs once with two nodes on one store, once across a node dying in
 * the middle of it (taken over when its lease runs out; the dead node's late completion rolls back), waits while its
 * condition is not met, and is retried after a failure, then given up.
 */
class SchedulerTest {

    static final Instant START = Instant.parse("2026-11-30T16:00:00Z");
    static final CalendarPlan MONTH_END = (schedule, now) -> schedule.plan("MONTHLY_TASK", "2026-11", START);

    /** A job whose effect is one outbox message per run that commits (the outbox's keys are unique: count by subject). */
    static JobWork counting(SpatialStore store, AtomicInteger runs, CountDownLatch inside, CountDownLatch release) {
        return new JobWork() {
            @Override
            public String kind() {
                return "MONTHLY_TASK";
            }

            @Override
            public Result run(ScheduledJob job, Instant now) {
                int run = runs.incrementAndGet();
                if (inside != null) {
                    inside.countDown();
                    await(release);
                }
                return new Done("{\"run\":" + run + "}", () -> new Outbox(store).add(OutboxMessage.pending("job-" + job.id() + "-run-" + run,
                        now, "test", "", "月度任务 " + job.subject(), "{}", "SCHEDULE", job.id())));
            }
        };
    }

    static long messages(SpatialStore store) {
        return store.jdbc().sql("SELECT COUNT(*) FROM outbox_message WHERE subject = '月度任务 2026-11'").query(Long.class).single();
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void twoNodesOnOneStoreRunAJobOnce(StoreType type) throws Exception {
        SpatialStore store = StoreFixture.openWithAdminUnits(type);
        try (store) {
            MovableClock clock = new MovableClock(START.plusSeconds(1));
            AtomicInteger runs = new AtomicInteger();
            List<Scheduler> nodes = List.of(
                    new Scheduler(store, List.of(MONTH_END), List.of(counting(store, runs, null, null)), "node-a", Duration.ofMinutes(5), clock),
                    new Scheduler(store, List.of(MONTH_END), List.of(counting(store, runs, null, null)), "node-b", Duration.ofMinutes(5), clock));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Integer>> rounds = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Scheduler node = nodes.get(i % 2);
                rounds.add(pool.submit(node::round));
            }
            int completed = 0;
            for (Future<Integer> round : rounds) {
                completed += round.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(completed).isEqualTo(1);
            assertThat(runs.get()).isEqualTo(1);
            assertThat(messages(store)).isEqualTo(1);
            ScheduledJob job = nodes.get(0).schedule().find("MONTHLY_TASK:2026-11").orElseThrow();
            assertThat(job.state()).isEqualTo(ScheduledJob.State.DONE);
            assertThat(job.outcome()).isEqualTo("{\"run\":1}");
            nodes.forEach(Scheduler::close);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void aJobCutShortByADeadNodeRunsOnceAfterItsLeaseRunsOut(StoreType type) throws Exception {
        SpatialStore store = StoreFixture.openWithAdminUnits(type);
        try (store) {
            MovableClock clock = new MovableClock(START.plusSeconds(1));
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            // Node A claims the job and hangs in the middle of it, as a server does that is killed there.
            Scheduler dying = new Scheduler(store, List.of(MONTH_END), List.of(counting(store, runs, inside, release)), "node-a",
                    Duration.ofSeconds(30), clock);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<Integer> hung = pool.submit(dying::round);
            assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
            dying.close(); // dead: its lease is no longer renewed
            // The restarted server: nothing to take over while the lease holds ...
            Scheduler restarted = new Scheduler(store, List.of(MONTH_END), List.of(counting(store, runs, null, null)), "node-a-restarted",
                    Duration.ofSeconds(30), clock);
            assertThat(restarted.round()).isZero();
            // ... and the job, once it has run out: done once.
            clock.set(START.plusSeconds(120));
            assertThat(restarted.round()).isEqualTo(1);
            assertThat(messages(store)).isEqualTo(1);
            // The dead node wakes up and tries to complete: it no longer holds the job, so its effects roll back.
            release.countDown();
            assertThat(hung.get(30, TimeUnit.SECONDS)).isZero();
            pool.shutdown();
            assertThat(messages(store)).isEqualTo(1);
            assertThat(restarted.round()).isZero();
            assertThat(restarted.schedule().find("MONTHLY_TASK:2026-11").orElseThrow().claimedBy()).isEqualTo("node-a-restarted");
            restarted.close();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void aJobWaitsForItsConditionAndIsRetriedAfterAFailureThenGivenUp(StoreType type) {
        SpatialStore store = StoreFixture.openWithAdminUnits(type);
        try (store) {
            MovableClock clock = new MovableClock(START.plusSeconds(1));
            AtomicInteger calls = new AtomicInteger();
            JobWork waitingThenFailing = new JobWork() {
                @Override
                public String kind() {
                    return "MONTHLY_TASK";
                }

                @Override
                public Result run(ScheduledJob job, Instant now) {
                    if (calls.incrementAndGet() == 1) {
                        return new Waiting(now.plus(Duration.ofHours(1)), "the after-epoch is not registered yet");
                    }
                    throw new IllegalStateException("the imagery folder is not mounted");
                }
            };
            Scheduler node = new Scheduler(store, List.of(MONTH_END), List.of(waitingThenFailing), "node", Duration.ofMinutes(5), clock);
            node.round();
            ScheduledJob waiting = node.schedule().find("MONTHLY_TASK:2026-11").orElseThrow();
            assertThat(waiting.state()).isEqualTo(ScheduledJob.State.PENDING);
            assertThat(waiting.attempts()).isZero();
            assertThat(waiting.lastError()).isEqualTo("the after-epoch is not registered yet");
            node.round();
            assertThat(calls.get()).isEqualTo(1); // not due again yet
            for (int i = 0; i < Scheduler.MAX_ATTEMPTS; i++) {
                clock.set(clock.instant().plus(Duration.ofDays(1)));
                node.round();
            }
            ScheduledJob failed = node.schedule().find("MONTHLY_TASK:2026-11").orElseThrow();
            assertThat(failed.state()).isEqualTo(ScheduledJob.State.FAILED);
            assertThat(failed.attempts()).isEqualTo(Scheduler.MAX_ATTEMPTS);
            assertThat(failed.lastError()).contains("the imagery folder is not mounted");
            node.close();
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
