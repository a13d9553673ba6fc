package org.terrawatch.processing.job;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.processing.ComplexValue;
import org.terrawatch.processing.Process;
import org.terrawatch.processing.ProcessCatalogue;
import org.terrawatch.processing.ProcessContext;
import org.terrawatch.processing.ProcessFailure;
import org.terrawatch.processing.ProcessInputs;
import org.terrawatch.processing.ProcessOutputs;
import org.terrawatch.processing.Reference;
import org.terrawatch.processing.ReferenceReader;

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
    private final ExecutorService workers;
    private final Set<String> dismissed = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    /** @param references reads references to this server's layers and imagery, as the job's owner */
    public JobRunner(JobStore jobs, ProcessCatalogue catalogue, ReferenceReader references, int workers) {
        this.jobs = jobs;
        this.catalogue = catalogue;
        this.references = references;
        this.workers = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "process-job");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs now and answers with the outputs. */
    public ProcessOutputs execute(Process process, ProcessInputs inputs, Actor actor) {
        return process.execute(inputs, context(null, actor));
    }

    /** Keeps a job for the inputs (already validated) and queues it. */
    public Job submit(Process process, ProcessInputs inputs, Actor actor, ResultForm resultForm) {
        Job job = jobs.accept(process.id(), actor, inputs.asGiven(), resultForm);
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

    /** Dismisses a job; a running one stops at its next progress check. */
    public boolean dismiss(String id) {
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
