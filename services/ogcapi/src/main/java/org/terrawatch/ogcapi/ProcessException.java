package org.terrawatch.ogcapi;

import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.OwsException;

/** An OGC API - Processes error with its exception type URI (no-such-process, no-such-job, result-not-ready). */
public final class ProcessException extends OwsException {

    static final String TYPES = "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/";

    private final String type;

    ProcessException(String type, int status, String message) {
        super(status == 404 ? ExceptionCode.NOT_FOUND : ExceptionCode.INVALID_PARAMETER_VALUE, null, message);
        this.type = TYPES + type;
        withStatus(status);
    }

    public static ProcessException noSuchProcess(String id) {
        return new ProcessException("no-such-process", 404, "No process " + id);
    }

    public static ProcessException noSuchJob(String id) {
        return new ProcessException("no-such-job", 404, "No job " + id);
    }

    public static ProcessException resultNotReady(String id, String status) {
        return new ProcessException("result-not-ready", 404, "The job " + id + " has no results (it is " + status + ")");
    }

    public String type() {
        return type;
    }
}
