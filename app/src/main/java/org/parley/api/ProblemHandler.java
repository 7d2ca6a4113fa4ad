package org.parley.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Turns every error of the REST API into an RFC 9457 problem detail ({@code application/problem+json}) that
 * names the field and the reason. Problem types are {@code urn:parley:problem:NAME}.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final RefusalRecorder refusals;

    ProblemHandler(RefusalRecorder refusals) {
        this.refusals = refusals;
    }

    static URI type(String name) {
        return URI.create("urn:parley:problem:" + name);
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return invalid(e.getMessage(), e.errors());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e, HttpServletRequest request) {
        if (e.hidden()) {
            refusals.refused(Callers.current().orElse(null), request.getMethod(), request.getRequestURI(), 404,
                    e.recordType(), e.recordId(), "not visible to the caller's organisation");
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(type("not-found"));
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e, HttpServletRequest request) {
        refusals.refused(Callers.current().orElse(null), request.getMethod(), request.getRequestURI(), 403,
                e.recordType(), e.recordId(), e.getMessage());
        return forbidden(e.getMessage());
    }

    static ProblemDetail forbidden(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setType(type("forbidden"));
        problem.setTitle("Forbidden");
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(type(e.problem()));
        problem.setTitle("Conflict with the record's current state");
        e.details().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return invalid("bad request parameter", List.of(new FieldError(e.getName(),
                "'" + e.getValue() + "' is not a valid " + expected.toLowerCase(java.util.Locale.ROOT))));
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ProblemDetail tooLarge(BodyTooLargeException e) {
        return BodySizeLimitFilter.problem(e.limit());
    }

    /** Malformed JSON, a body that is not UTF-8, an empty body, or a body cut short by the size limit. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
            }
        }
        String reason;
        if (cause instanceof MalformedBodyException malformed) {
            reason = malformed.getMessage();
        } else if (cause instanceof JacksonException json) {
            TokenStreamLocation at = json.getLocation();
            reason = "malformed JSON" + (at == null || at.getLineNr() < 0 ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": "
                    + firstLine(json.getOriginalMessage());
        } else if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            reason = "a JSON body is required";
        } else {
            reason = "the body cannot be read: " + firstLine(cause.getMessage());
        }
        return ResponseEntity.badRequest().body(invalid(reason, List.of(new FieldError("body", reason))));
    }

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e) {
        log.error("Unexpected error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; nothing was changed. The server log has the details.");
        problem.setType(type("internal"));
        return problem;
    }

    static ProblemDetail invalid(String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(type("invalid-input"));
        problem.setTitle("Invalid input");
        problem.setProperty("errors", errors.stream().map(f -> Map.of("field", f.field(), "reason", f.reason()))
                .toList());
        return problem;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown reason";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
