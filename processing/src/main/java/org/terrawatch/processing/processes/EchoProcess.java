package org.terrawatch.processing.processes;

import java.util.List;
import org.terrawatch.processing.ComplexValue;
import org.terrawatch.processing.Parameter;
import org.terrawatch.processing.Process;
import org.terrawatch.processing.ProcessContext;
import org.terrawatch.processing.ProcessDescription;
import org.terrawatch.processing.ProcessFailure;
import org.terrawatch.processing.ProcessInputs;
import org.terrawatch.processing.ProcessOutputs;

/**
 * Returns its inputs unchanged — a string, a number, a bounding box and a document — after an optional pause (in
 * whole seconds, up to a minute, reporting progress every second): what the OGC conformance suites for processes
 * exercise, and a harmless way to try asynchronous execution, job status and dismissal.
 */
public final class EchoProcess implements Process {

    private static final ProcessDescription DESCRIPTION = new ProcessDescription("echo", "1.0.0", "Echo",
            "Returns the inputs it is given: a string, a number, a bounding box and a document; optionally after a pause.",
            List.of(Parameter.literal("string_input", "String", "Any text", "string", false),
                    Parameter.literal("double_input", "Number", "Any number", "double", false),
                    Parameter.boundingBox("bbox_input", "Bounding box", "Any bounding box", false),
                    Parameter.complex("complex_input", "Document", "A JSON or XML document", false,
                            "application/json", "application/geo+json", "text/xml", "application/xml"),
                    Parameter.literal("pause_seconds", "Pause", "Seconds to wait before answering (0 to 60)", "integer", false).withDefault("0")),
            List.of(Parameter.literal("string_output", "String", "The string input", "string", false),
                    Parameter.literal("double_output", "Number", "The number input", "double", false),
                    Parameter.boundingBox("bbox_output", "Bounding box", "The bounding-box input", false),
                    Parameter.complex("complex_output", "Document", "The document input", false,
                            "application/json", "application/geo+json", "text/xml", "application/xml")));

    @Override
    public ProcessDescription description() {
        return DESCRIPTION;
    }

    @Override
    public ProcessOutputs execute(ProcessInputs inputs, ProcessContext context) {
        long pause = Math.round(inputs.number("pause_seconds"));
        if (pause < 0 || pause > 60) {
            throw ProcessFailure.invalid("pause_seconds", "The pause is between 0 and 60 seconds, not " + pause);
        }
        for (long s = 0; s < pause; s++) {
            if (context.cancelled()) {
                throw new ProcessFailure(ProcessFailure.FAILED, null, "Dismissed");
            }
            context.progress((int) (100 * s / pause), "Waited " + s + " of " + pause + " s");
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProcessFailure(ProcessFailure.FAILED, null, "Interrupted");
            }
        }
        ProcessOutputs outputs = new ProcessOutputs();
        if (inputs.has("string_input")) {
            outputs.put("string_output", inputs.text("string_input"));
        }
        if (inputs.has("double_input")) {
            outputs.put("double_output", inputs.number("double_input"));
        }
        if (inputs.has("bbox_input")) {
            outputs.put("bbox_output", inputs.boundingBox("bbox_input"));
        }
        if (inputs.has("complex_input")) {
            ComplexValue document = inputs.complex("complex_input", context);
            outputs.put("complex_output", document);
        }
        return outputs;
    }
}
