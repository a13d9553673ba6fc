package org.terrawatch.app.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.terrawatch.app.security.SignedIn;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.ogcapi.ProcessException;
import org.terrawatch.ogcapi.ProcessesApi;
import org.terrawatch.ogcapi.RawResults;
import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.OwsException;
import org.terrawatch.processing.Process;
import org.terrawatch.processing.ProcessFailure;
import org.terrawatch.processing.ProcessInputs;
import org.terrawatch.processing.ProcessOutputs;
import org.terrawatch.processing.job.Job;
import org.terrawatch.processing.job.JobRunner;
import org.terrawatch.processing.job.JobStatus;
import org.terrawatch.processing.job.ResultForm;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OGC API - Processes 1.0 at {@code /ogc/processes} and {@code /ogc/jobs}: the process list and descriptions,
 * execution — synchronous, or asynchronous with {@code Prefer: respond-async} (201 and the job's Location) —, job
 * status, the job list, results, and dismissal. Runs that change data need a signed-in user.
 */
@RestController
@RequestMapping("/ogc")
public class OgcApiProcessesController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProcessesApi api;
    private final JobRunner runner;

    public OgcApiProcessesController(ProcessesApi api, JobRunner runner) {
        this.api = api;
        this.runner = runner;
    }

    @GetMapping("/processes")
    public void processes(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OgcApiController.send(response, "application/json", api.list(base(request), OgcApiController.parameters(request, false)));
    }

    @GetMapping("/processes/{id}")
    public void process(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        OgcApiController.send(response, "application/json", api.describe(id, base(request)));
    }

    @PostMapping("/processes/{id}/execution")
    public void execute(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Process process = api.process(id);
        byte[] body = request.getInputStream().readAllBytes(); // bounded by RequestBodyLimits
        JsonNode document;
        try {
            document = JSON.readTree(body);
        } catch (RuntimeException e) {
            throw OwsException.invalid("body", "The execute request is not JSON: " + e.getMessage());
        }
        ProcessInputs inputs = ProcessesApi.validate(process.description(), api.inputs(process.description(), document));
        List<String> wanted = api.requestedOutputs(process.description(), document);
        Actor who = SignedIn.actor(request);
        String prefer = request.getHeader("Prefer");
        String base = base(request);
        if (prefer != null && prefer.contains("respond-async")) {
            Job job = runner.submit(process, inputs, who, new ResultForm(wanted, Set.of(), false));
            response.setStatus(201);
            response.setHeader("Location", base + "/jobs/" + job.id());
            response.setHeader("Preference-Applied", "respond-async");
            OgcApiController.send(response, "application/json", api.status(job, base));
            return;
        }
        ProcessOutputs outputs;
        try {
            outputs = runner.execute(process, inputs, who);
        } catch (ProcessFailure e) {
            throw e.toOwsException();
        }
        boolean raw = !"document".equals(document.path("response").asString("raw"));
        List<String> chosen = wanted.isEmpty() ? process.description().outputs().stream().map(p -> p.id())
                .filter(o -> outputs.get(o) != null).toList() : wanted;
        if (raw) {
            RawResults results = RawResults.of(outputs, chosen);
            response.setStatus(200);
            response.setContentType(results.mediaType());
            try (OutputStream out = response.getOutputStream()) {
                out.write(results.body());
            }
            return;
        }
        OgcApiController.send(response, "application/json", api.results(process.description(), outputs, wanted));
    }

    @GetMapping("/jobs")
    public void jobs(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Job> jobs = runner.jobs(SignedIn.actor(request), 100);
        OgcApiController.send(response, "application/json", api.jobs(jobs, base(request)));
    }

    @GetMapping("/jobs/{id}")
    public void job(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        OgcApiController.send(response, "application/json", api.status(job(id, request), base(request)));
    }

    @GetMapping("/jobs/{id}/results")
    public void results(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Job job = job(id, request);
        if (job.status() == JobStatus.FAILED) {
            throw new ProcessFailure(job.failureCode() == null ? ProcessFailure.FAILED : job.failureCode(), null, job.message()).toOwsException();
        }
        if (job.status() != JobStatus.SUCCESSFUL) {
            throw ProcessException.resultNotReady(job.id(), job.status().code());
        }
        Process process = api.process(job.processId());
        List<String> wanted = job.resultForm().outputs();
        OgcApiController.send(response, "application/json", api.results(process.description(), job.outputs(), wanted));
    }

    @DeleteMapping("/jobs/{id}")
    public void dismiss(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        job(id, request);
        runner.dismiss(id, SignedIn.actor(request));
        OgcApiController.send(response, "application/json", api.status(job(id, request), base(request)));
    }

    /** The job, if the caller may see it (its owner, an administrator): another user's job is no such job. */
    private Job job(String id, HttpServletRequest request) {
        return runner.job(id, SignedIn.actor(request)).orElseThrow(() -> ProcessException.noSuchJob(id));
    }

    private static String base(HttpServletRequest request) {
        return request.getRequestURL().toString().replaceAll("/ogc(/.*)?$", "/ogc");
    }
}
