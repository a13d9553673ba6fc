package org.terrawatch.ogcapi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.terrawatch.processing.BoundingBox;
import org.terrawatch.processing.ComplexValue;
import org.terrawatch.processing.ProcessOutputs;

/**
 * The outputs of an execution as OGC API – Processes answers {@code "response": "raw"}
 * (/req/core/process-execute-sync-raw-value-one and -multi): one output as itself, with its own media type; several
 * as the parts of a {@code multipart/related} body, each named by its Content-ID.
 */
public record RawResults(String mediaType, byte[] body) {

    /** One output's value as raw content. */
    record Part(String id, String mediaType, byte[] bytes) {
    }

    /** @param chosen the outputs to answer, in order; those without a value are left out */
    public static RawResults of(ProcessOutputs outputs, List<String> chosen) {
        List<Part> parts = new ArrayList<>();
        for (String id : chosen) {
            Object value = outputs.get(id);
            if (value != null) {
                parts.add(part(id, value));
            }
        }
        if (parts.size() == 1) {
            return new RawResults(parts.get(0).mediaType(), parts.get(0).bytes());
        }
        String boundary = "terrawatch-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            body.writeBytes(("--" + boundary + "\r\nContent-Type: " + part.mediaType() + "\r\nContent-ID: <" + part.id() + ">\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String first = parts.isEmpty() ? "" : "; start=\"<" + parts.get(0).id() + ">\"";
        return new RawResults("multipart/related; boundary=\"" + boundary + "\"" + first, body.toByteArray());
    }

    private static Part part(String id, Object value) {
        if (value instanceof ComplexValue complex) {
            return new Part(id, complex.mediaType(), complex.bytes());
        }
        if (value instanceof BoundingBox) {
            return new Part(id, "application/json", ProcessesApi.encode(value).toString().getBytes(StandardCharsets.UTF_8));
        }
        return new Part(id, "text/plain; charset=UTF-8", String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }
}
