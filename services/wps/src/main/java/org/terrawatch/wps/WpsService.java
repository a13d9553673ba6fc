package org.terrawatch.wps;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamException;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.Kvp;
import org.terrawatch.ows.OwsException;
import org.terrawatch.ows.xml.XmlElement;
import org.terrawatch.processing.ComplexValue;
import org.terrawatch.processing.Parameter;
import org.terrawatch.processing.Process;
import org.terrawatch.processing.ProcessCatalogue;
import org.terrawatch.processing.ProcessFailure;
import org.terrawatch.processing.ProcessInputs;
import org.terrawatch.processing.ProcessOutputs;
import org.terrawatch.processing.job.Job;
import org.terrawatch.processing.job.JobRunner;
import org.terrawatch.processing.job.JobStatus;
import org.terrawatch.processing.job.ResultForm;

/**
 * WPS 1.0.0 over the process catalogue. Execute runs synchronously unless {@code storeExecuteResponse} is asked
 * for: then the job is kept in the store and the answer (at once) names its status location, which reports
 * progress and, when done, the outputs. Outputs asked for by reference are kept with a job and fetched from
 * {@code <endpoint>/jobs/<id>/outputs/<output>}. Errors are {@link OwsException}s for an OWS 1.1 report.
 */
public final class WpsService {

    public static final String VERSION = WpsXml.VERSION;
    private static final Set<String> LANGUAGES = Set.of("en-us", "en");

    private final ProcessCatalogue catalogue;
    private final JobRunner runner;

    public WpsService(ProcessCatalogue catalogue, JobRunner runner) {
        this.catalogue = catalogue;
        this.runner = runner;
    }

    /** A KVP request. @param actor the signed-in user, or null */
    public WpsResponse handle(Kvp kvp, String endpoint, Actor actor) {
        String service = kvp.get("SERVICE").orElse("WPS");
        if (!service.equalsIgnoreCase("WPS")) {
            throw OwsException.invalid("service", "This endpoint serves WPS, not " + service);
        }
        String request = kvp.require("REQUEST");
        kvp.get("LANGUAGE").filter(l -> !LANGUAGES.contains(l.toLowerCase(Locale.ROOT))).ifPresent(l -> {
            throw OwsException.invalid("language", "The language " + l + " is not offered; en-US is");
        });
        if (request.equalsIgnoreCase("GetCapabilities")) {
            kvp.get("ACCEPTVERSIONS").filter(v -> !Kvp.list(v).contains(VERSION)).ifPresent(v -> {
                throw new OwsException(ExceptionCode.VERSION_NEGOTIATION_FAILED, "AcceptVersions", "This server speaks WPS " + VERSION + " only");
            });
            return capabilities(endpoint);
        }
        checkVersion(kvp.require("VERSION"));
        if (request.equalsIgnoreCase("DescribeProcess")) {
            return describe(Kvp.list(kvp.require("IDENTIFIER")));
        }
        if (request.equalsIgnoreCase("Execute")) {
            Process process = process(kvp.require("IDENTIFIER"));
            return execute(process, ExecuteRequestReader.fromKvp(kvp, process.description()), endpoint, actor);
        }
        throw new OwsException(ExceptionCode.OPERATION_NOT_SUPPORTED, "request", "WPS offers GetCapabilities, DescribeProcess and Execute, not " + request);
    }

    /** An XML request (GetCapabilities, DescribeProcess or Execute). */
    public WpsResponse handle(XmlElement root, String endpoint, Actor actor) {
        switch (root.name()) {
            case "GetCapabilities":
                return capabilities(endpoint);
            case "DescribeProcess":
                checkVersion(root.attribute("version").orElse(VERSION));
                return describe(root.children("Identifier").stream().map(XmlElement::text).toList());
            case "Execute":
                checkVersion(root.attribute("version").orElseThrow(() -> OwsException.missing("version")));
                Process process = process(root.require("Identifier", "Execute").text());
                return execute(process, ExecuteRequestReader.fromXml(root, process.description()), endpoint, actor);
            default:
                throw new OwsException(ExceptionCode.OPERATION_NOT_SUPPORTED, "request", "Unknown WPS request <" + root.name() + ">");
        }
    }

    /**
     * The stored ExecuteResponse of a job: its status, and once successful the outputs as the execute request asked
     * (those of its ResponseDocument, inline or by reference, with lineage if asked).
     */
    public WpsResponse status(String jobId, String endpoint, Actor caller) {
        Job job = job(jobId, caller);
        Process process = process(job.processId());
        ExecuteResponseWriter.Status status = switch (job.status()) {
            case ACCEPTED -> new ExecuteResponseWriter.Status("ProcessAccepted", 0, job.message(), null, null, job.createdAt());
            case RUNNING -> new ExecuteResponseWriter.Status("ProcessStarted", job.progress(), job.message(), null, null, job.createdAt());
            case SUCCESSFUL -> ExecuteResponseWriter.Status.succeeded(job.createdAt());
            case FAILED -> new ExecuteResponseWriter.Status("ProcessFailed", job.progress(), job.message(),
                    wireCode(job.failureCode()), null, job.createdAt());
            case DISMISSED -> new ExecuteResponseWriter.Status("ProcessFailed", job.progress(), "The job was dismissed",
                    ExceptionCode.NO_APPLICABLE_CODE.wireName(), null, job.createdAt());
        };
        ProcessOutputs outputs = job.status() == JobStatus.SUCCESSFUL ? job.outputs() : null;
        ResultForm form = job.resultForm();
        return document(process, status, outputs, form.outputs(), outputReferences(endpoint, jobId, form.byReference()),
                form.lineage() ? job.inputs() : null, endpoint, statusLocation(endpoint, jobId));
    }

    /** One output of a finished job, as is. */
    public WpsResponse output(String jobId, String outputId, Actor caller) {
        Job job = job(jobId, caller);
        if (job.status() != JobStatus.SUCCESSFUL || job.outputs().get(outputId) == null) {
            throw new OwsException(ExceptionCode.NOT_FOUND, "output", "The job " + jobId + " has no output " + outputId
                    + (job.status() == JobStatus.SUCCESSFUL ? "" : " (it is " + job.status().code() + ")"));
        }
        Process process = process(job.processId());
        return raw(process.description().output(outputId).orElseThrow(), job.outputs().get(outputId));
    }

    private WpsResponse execute(Process process, ExecuteRequest request, String endpoint, Actor actor) {
        ExecuteRequest.ResponseForm form = request.form();
        if (form.status() && !form.store()) {
            throw OwsException.invalid("status", "status=true needs storeExecuteResponse=true");
        }
        if (form.rawOutput() != null && process.description().output(form.rawOutput()).isEmpty()) {
            throw OwsException.invalid("RawDataOutput", "The process " + process.id() + " has no output " + form.rawOutput());
        }
        for (ExecuteRequest.OutputRequest output : form.outputs()) {
            if (process.description().output(output.identifier()).isEmpty()) {
                throw OwsException.invalid("ResponseDocument", "The process " + process.id() + " has no output " + output.identifier());
            }
        }
        ProcessInputs inputs;
        try {
            inputs = ProcessInputs.validate(process.description(), request.inputs());
        } catch (ProcessFailure e) {
            throw e.toOwsException();
        }
        Actor who = actor != null ? actor : Actor.ANONYMOUS;
        List<String> wanted = form.outputs().stream().map(ExecuteRequest.OutputRequest::identifier).toList();
        Set<String> byReference = form.outputs().stream().filter(ExecuteRequest.OutputRequest::asReference)
                .map(ExecuteRequest.OutputRequest::identifier).collect(Collectors.toSet());
        if (form.store() || !byReference.isEmpty()) {
            Job job = runner.submit(process, inputs, who, new ResultForm(wanted, byReference, form.lineage()));
            if (form.store()) {
                ExecuteResponseWriter.Status accepted = new ExecuteResponseWriter.Status("ProcessAccepted", 0,
                        "Accepted: job " + job.id(), null, null, job.createdAt());
                return document(process, accepted, null, wanted, Map.of(), form.lineage() ? request.inputs() : null, endpoint,
                        statusLocation(endpoint, job.id()));
            }
            Job done = await(job.id());
            if (done.status() != JobStatus.SUCCESSFUL) {
                throw new OwsException(ExceptionCode.NO_APPLICABLE_CODE, null, done.message());
            }
            return document(process, ExecuteResponseWriter.Status.succeeded(Instant.now()), done.outputs(), wanted,
                    outputReferences(endpoint, job.id(), byReference), form.lineage() ? request.inputs() : null, endpoint, null);
        }
        ProcessOutputs outputs;
        try {
            outputs = runner.execute(process, inputs, who);
        } catch (ProcessFailure e) {
            throw e.toOwsException();
        }
        if (form.rawOutput() != null) {
            Object value = outputs.get(form.rawOutput());
            if (value == null) {
                throw new OwsException(ExceptionCode.NO_APPLICABLE_CODE, "RawDataOutput", "The run produced no " + form.rawOutput());
            }
            return raw(process.description().output(form.rawOutput()).orElseThrow(), value);
        }
        return document(process, ExecuteResponseWriter.Status.succeeded(Instant.now()), outputs, wanted, Map.of(),
                form.lineage() ? request.inputs() : null, endpoint, null);
    }

    /** Where each output of a job asked for by reference can be fetched. */
    private static Map<String, String> outputReferences(String endpoint, String jobId, Set<String> outputs) {
        Map<String, String> references = new LinkedHashMap<>();
        outputs.stream().sorted().forEach(output -> references.put(output, endpoint + "/jobs/" + jobId + "/outputs/" + output));
        return references;
    }

    private Job await(String id) {
        try {
            while (true) {
                Job job = runner.jobs().find(id).orElseThrow();
                if (job.status().finished()) {
                    return job;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OwsException(ExceptionCode.NO_APPLICABLE_CODE, null, "Interrupted while waiting for job " + id);
        }
    }

    private WpsResponse capabilities(String endpoint) {
        return xml(out -> WpsCapabilitiesWriter.write(catalogue, endpoint, out));
    }

    private WpsResponse describe(List<String> identifiers) {
        List<Process> processes = new ArrayList<>();
        for (String id : identifiers) {
            if (id.equalsIgnoreCase("ALL")) {
                processes.addAll(catalogue.all());
            } else {
                processes.add(process(id));
            }
        }
        return xml(out -> ProcessDescriptionsWriter.write(processes, out));
    }

    private WpsResponse document(Process process, ExecuteResponseWriter.Status status, ProcessOutputs outputs, List<String> wanted,
                                 Map<String, String> references, Map<String, List<Object>> lineage, String endpoint, String statusLocation) {
        return xml(out -> ExecuteResponseWriter.write(process.description(), status, outputs, wanted, references, lineage,
                endpoint + "?service=WPS&request=GetCapabilities", statusLocation, out));
    }

    private static WpsResponse raw(Parameter parameter, Object value) {
        String mediaType = ExecuteResponseWriter.mediaType(parameter, value);
        if (value instanceof ComplexValue complex) {
            byte[] bytes = complex.bytes();
            return new WpsResponse(mediaType, out -> out.write(bytes));
        }
        byte[] text = String.valueOf(value).getBytes(StandardCharsets.UTF_8);
        return new WpsResponse("text/plain; charset=UTF-8", out -> out.write(text));
    }

    private interface XmlBody {
        void write(java.io.OutputStream out) throws XMLStreamException;
    }

    /** Written in full before it is sent, so an error still becomes an exception report. */
    private static WpsResponse xml(XmlBody body) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            body.write(buffer);
        } catch (XMLStreamException e) {
            throw new OwsException(ExceptionCode.NO_APPLICABLE_CODE, null, "Cannot write the response: " + e.getMessage());
        }
        byte[] bytes = buffer.toByteArray();
        return new WpsResponse("text/xml; charset=UTF-8", out -> out.write(bytes));
    }

    private Process process(String id) {
        return catalogue.find(id).orElseThrow(() -> OwsException.invalid("identifier", "No process " + id + "; GetCapabilities lists them"));
    }

    /** The job, if the caller may see it (its owner, an administrator). */
    private Job job(String id, Actor caller) {
        return runner.job(id, caller).orElseThrow(() -> new OwsException(ExceptionCode.NOT_FOUND, "job", "No job " + id));
    }

    private static String statusLocation(String endpoint, String jobId) {
        return endpoint + "/jobs/" + jobId;
    }

    private static void checkVersion(String version) {
        if (!VERSION.equals(version)) {
            throw new OwsException(ExceptionCode.VERSION_NEGOTIATION_FAILED, "version", "This server speaks WPS " + VERSION + ", not " + version);
        }
    }

    /** A job's failure code as WPS 1.0.0 knows it (a refusal by the workflow has no code of its own there). */
    private static String wireCode(String failureCode) {
        return failureCode == null || failureCode.equals(ProcessFailure.FORBIDDEN) ? ExceptionCode.NO_APPLICABLE_CODE.wireName() : failureCode;
    }
}
