package org.terrawatch.app.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.terrawatch.app.cycle.CycleController;
import org.terrawatch.app.duty.DutyDeskController;
import org.terrawatch.app.imagery.ImageryController;
import org.terrawatch.app.intake.AlertIntakeController;
import org.terrawatch.app.reports.ReportsController;
import org.terrawatch.app.submissions.SubmissionController;
import org.terrawatch.app.web.ProtocolErrors;
import org.terrawatch.monitoring.ConcurrentEditException;
import org.terrawatch.monitoring.EntityNotFoundException;
import org.terrawatch.monitoring.alert.IntakeRefused;
import org.terrawatch.monitoring.workflow.RuleViolation;
import org.terrawatch.ows.OwsException;
import org.terrawatch.processing.imagery.ImageryRefused;
import org.terrawatch.submission.SubmissionRefused;

/**
 * The REST API's errors as problem details: 401 without a user, 403 for a workflow right the user lacks, 422
 * for a change the workflow refuses whoever makes it, 412 for a stale If-Match (409 without one), 404.
 */
@RestControllerAdvice(assignableTypes = {PatchController.class, WorkOrderController.class, AlertIntakeController.class,
        DutyDeskController.class, SubmissionController.class, ImageryController.class, ReportsController.class, CycleController.class})
public class ApiProblems {

    /** An alert the intake refused: the field at fault, 400; an external id taken by other content, 409. */
    @ExceptionHandler(IntakeRefused.class)
    public void intake(IntakeRefused e, HttpServletResponse response) throws IOException {
        ProtocolErrors.problem(response, e.status(), e.status() == 409 ? "Conflict" : "Bad Request", e.getMessage(), e.field());
    }

    /** A hand-in of base data that names no handed-in layer or a month that cannot be, or carries no file: 400 with its code. */
    @ExceptionHandler(SubmissionRefused.class)
    public void submission(SubmissionRefused e, HttpServletResponse response) throws IOException {
        ProtocolErrors.codedProblem(response, 400, "Bad Request", e.getMessage(), e.code());
    }

    /** An imagery file the register refused (nothing kept): 400 with its code. */
    @ExceptionHandler(ImageryRefused.class)
    public void imagery(ImageryRefused e, HttpServletResponse response) throws IOException {
        ProtocolErrors.codedProblem(response, 400, "Bad Request", e.getMessage(), e.code());
    }

    /** A query parameter the shared parsers refused (a limit, a bbox, a time). */
    @ExceptionHandler(OwsException.class)
    public void parameter(OwsException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProtocolErrors.send(request, response, e.httpStatus(), "Bad Request", e.getMessage());
    }

    @ExceptionHandler(ApiRequests.NotSignedIn.class)
    public void notSignedIn(ApiRequests.NotSignedIn e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProtocolErrors.send(request, response, 401, "Unauthorized", e.getMessage());
    }

    @ExceptionHandler(RuleViolation.class)
    public void refused(RuleViolation e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean forbidden = e.kind() == RuleViolation.Kind.FORBIDDEN;
        ProtocolErrors.send(request, response, forbidden ? 403 : 422, forbidden ? "Forbidden" : "Refused by the workflow", e.getMessage());
    }

    @ExceptionHandler(ConcurrentEditException.class)
    public void conflict(ConcurrentEditException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean conditional = request.getHeader("If-Match") != null;
        ProtocolErrors.send(request, response, conditional ? 412 : 409, conditional ? "Precondition Failed" : "Conflict", e.getMessage());
    }

    @ExceptionHandler(org.terrawatch.query.edit.EditRefused.class)
    public void locked(org.terrawatch.query.edit.EditRefused e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProtocolErrors.send(request, response, 423, "Locked", e.getMessage());
    }

    @ExceptionHandler(EntityNotFoundException.class)
    public void missing(EntityNotFoundException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProtocolErrors.send(request, response, 404, "Not Found", e.getMessage());
    }
}
