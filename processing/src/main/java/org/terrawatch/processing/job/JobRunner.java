package org.terrawatch.processing.job;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.OwsException;
import org.terrawatch.processing.ComplexValue;
import org.terrawatch.processing.Process;
import org.terrawatch.processing.ProcessCatalogue;
import org.terrawatch.processing.ProcessContext;
import org.terrawatch.processing.ProcessFailure;
import org.terrawatch.processing.ProcessInputs;
import org.terrawatch.processing.ProcessOutputs;
import org.terrawatch.processing.Reference;
import org.terrawatch.processing.ReferenceReader;
import org.terrawatch.processing.StoredRows;

/**
 * Runs processes: synchronously for the caller, or as jobs on a small pool of workers. A job is in the store before
 * it is acknowledged; its progress is written as it goes (at most once a second), its outputs or failure when it
 * ends. At start-up, jobs a stopped server left unfinished are run again.
 */
public final class JobRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final JobStore jobs;
    private final ProcessCatalogue catalogue;
    private final ReferenceReader references;
    private final StoredRows rows;
    private final ExecutorService workers;
    private final Set<String> dismissed = ConcurrentHashMap.newKeySet();
    private final boolean anonymousJobsListed;
    private volatile boolean stopping;

    /**
     * @param references reads references to this server's layers and imagery, as the job's owner
     * @param rows       what the job's owner may read of the store
     */
    public JobRunner(JobStore jobs, ProcessCatalogue catalogue, ReferenceReader references, StoredRows rows, int workers) {
        this(jobs, catalogue, references, rows, workers, false);
    }

    /**
     * @param anonymousJobsListed whether callers nobody signed in as see the list of the jobs anonymous callers started (the
     *                            OGC test suites' set-up only: they cannot sign in); otherwise their list is empty, as the
     *                            jobs of one anonymous caller are no business of another
     */
    public JobRunner(JobStore jobs, ProcessCatalogue catalogue, ReferenceReader references, StoredRows rows, int workers,
                     boolean anonymousJobsListed) {
        this.anonymousJobsListed = anonymousJobsListed;
        this.jobs = jobs;
        this.catalogue = catalogue;
        this.references = references;
        this.rows = rows;
        this.workers = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "process-job");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs now and answers with the outputs.
     *
     * @param actor who runs it, or null (or {@link Actor#ANONYMOUS}) for nobody signed in
     */
    public ProcessOutputs execute(Process process, ProcessInputs inputs, Actor actor) {
        Actor who = mayRun(process, inputs, actor);
        return process.execute(inputs, context(null, who));
    }

    /** Keeps a job for the inputs (already validated) and queues it; the job belongs to the actor. */
    public Job submit(Process process, ProcessInputs inputs, Actor actor, ResultForm resultForm) {
        Job job = jobs.accept(process.id(), mayRun(process, inputs, actor), inputs.asGiven(), resultForm);
        workers.submit(() -> run(job.id()));
        return job;
    }

    /** Queues the jobs a stopped server left unfinished; returns how many. */
    public int resumeUnfinished() {
        List<Job> unfinished = jobs.unfinished();
        for (Job job : unfinished) {
            LOG.info("Resuming job {} ({}) after a restart", job.id(), job.processId());
            workers.submit(() -> run(job.id()));
        }
        return unfinished.size();
    }

    /**
     * The one rule of both process interfaces (WPS, OGC API): a run that would change stored data needs a signed-in user,
     * checked before it starts, whatever it would find. Returns who runs it.
     */
    private static Actor mayRun(Process process, ProcessInputs inputs, Actor actor) {
        Actor who = actor == null ? Actor.ANONYMOUS : actor;
        if (who.anonymous() && process.changesData(inputs)) {
            throw new OwsException(ExceptionCode.NO_APPLICABLE_CODE, null,
                    "Running " + process.id() + " with these inputs changes stored data: sign in (HTTP Basic)").withStatus(401);
        }
        return who;
    }

    /**
     * The job, if the caller may see it: the job's owner and administrators may; a job run anonymously is seen by
     * whoever holds its id. Another user's job is as unknown as a job that never was.
     */
    public Optional<Job> job(String id, Actor caller) {
        Actor who = caller == null ? Actor.ANONYMOUS : caller;
        return jobs.find(id).filter(job -> who.has(Role.ADMIN) || job.owner().username().equals(who.username()));
    }

    /** The caller's jobs, newest first; every job for an administrator, none for an anonymous caller. */
    public List<Job> jobs(Actor caller, int limit) {
        Actor who = caller == null ? Actor.ANONYMOUS : caller;
        if (who.anonymous() && !anonymousJobsListed) {
            return List.of();
        }
        return jobs.list(who.has(Role.ADMIN) ? null : who.username(), limit);
    }

    /** Dismisses a job the caller may see; a running one stops at its next progress check. */
    public boolean dismiss(String id, Actor caller) {
        if (job(id, caller).isEmpty()) {
            return false;
        }
        dismissed.add(id);
        return jobs.dismiss(id);
    }

    public JobStore jobs() {
        return jobs;
    }

    private void run(String id) {
        Job job = jobs.find(id).orElse(null);
        if (job == null || job.status() != JobStatus.ACCEPTED) {
            return;
        }
        jobs.started(id);
        try {
            Process process = catalogue.find(job.processId())
                    .orElseThrow(() -> new ProcessFailure(ProcessFailure.FAILED, null, "The process " + job.processId() + " is no longer offered"));
            ProcessInputs inputs = ProcessInputs.validate(process.description(), job.inputs());
            ProcessOutputs outputs = process.execute(inputs, context(id, job.owner()));
            if (dismissed.contains(id) || stopping) {
                return;
            }
            jobs.succeeded(id, outputs);
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.info("Job {} ({}) stopped with the server; it resumes at the next start", id, job.processId());
            } else if (e instanceof ProcessFailure failure) {
                jobs.failed(id, failure.code(), failure.getMessage());
            } else if (!dismissed.contains(id)) {
                LOG.warn("Job {} ({}) failed", id, job.processId(), e);
                jobs.failed(id, ProcessFailure.FAILED, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        } finally {
            dismissed.remove(id);
        }
    }

    private ProcessContext context(String jobId, Actor actor) {
        return new ProcessContext() {
            private long lastWrite;

            @Override
            public Actor actor() {
                return actor;
            }

            @Override
            public void progress(int percent, String message) {
                long now = System.nanoTime();
                if (jobId != null && (now - lastWrite > TimeUnit.SECONDS.toNanos(1) || percent >= 100)) {
                    lastWrite = now;
                    jobs.progress(jobId, percent, message);
                }
            }

            @Override
            public boolean cancelled() {
                return stopping || jobId != null && dismissed.contains(jobId) || Thread.currentThread().isInterrupted();
            }

            @Override
            public ComplexValue resolve(Reference reference) {
                return references.read(reference, actor);
            }

            @Override
            public StoredRows.Scope readable(String relation) {
                return rows.readable(relation, actor);
            }
        };
    }

    /**
     * Stops: running processes are asked to stop (not interrupted — an interrupt would close the embedded store's
     * files) and their jobs stay as they are in the store, to run again at the next start.
     */
    @Override
    public void close() {
        stopping = true;
        workers.shutdown();
        try {
            workers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
