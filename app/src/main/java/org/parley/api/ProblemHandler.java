package org.parley.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every error of the REST API into an RFC 9457 problem detail ({@code application/problem+json}) that
 * names the field and the reason in plain words. Problem types are {@code urn:parley:problem:NAME}. Errors found
 * before any controller was chosen (an unknown page, a wrong method) reach this handler for pages too: those are
 * sent on to the HTML error page.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final RefusalRecorder refusals;
    private final UnreadableJson unreadableJson;

    ProblemHandler(RefusalRecorder refusals, JsonMapper json) {
        this.refusals = refusals;
        this.unreadableJson = new UnreadableJson(json.tokenStreamFactory().streamReadConstraints());
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
        if (e.refusal()) {
            refusals.refused(Callers.current().orElse(null), request.getMethod(), request.getRequestURI(), 404,
                    e.recordType(), e.recordId(), RefusalRecorder.NOT_FOUND);
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

    /** A query parameter or path segment of the wrong form: {@code /api/v1/audit/checkpoints/abc}. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        boolean wholeNumber = type == long.class || type == Long.class || type == int.class || type == Integer.class;
        return invalid("bad request parameter", List.of(new FieldError(e.getName(),
                "'" + e.getValue() + "' is not " + (wholeNumber ? "a whole number" : "a valid value"))));
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ProblemDetail tooLarge(BodyTooLargeException e) {
        return BodySizeLimitFilter.problem(e.limit());
    }

    /** Malformed JSON, a body that is not UTF-8, an empty body, or a body cut short by the size limit. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
            }
        }
        String reason = e.getMostSpecificCause() instanceof MalformedBodyException malformed ? malformed.getMessage()
                : unreadableJson.reason(e);
        return ResponseEntity.badRequest().body(invalid(reason, List.of(new FieldError("body", reason))));
    }

    /**
     * Every other error Spring MVC detects itself — an unknown address, a wrong method or media type, a missing
     * parameter — in plain words for API clients; browsers are sent to the HTML error page ({@code /error}).
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ServletWebRequest servlet = (ServletWebRequest) request;
        if (status.is5xxServerError()) {
            log.error("Unexpected error on {} {}", servlet.getHttpMethod(), servlet.getRequest().getRequestURI(), e);
        }
        if (!ErrorAudience.wantsProblemDetail(servlet.getRequest())) {
            headers.forEach((name, values) -> values.forEach(value -> servlet.getResponse().addHeader(name, value)));
            return toErrorPage(servlet.getResponse(), status.value());
        }
        return super.handleExceptionInternal(e, StandardProblems.describe(e, status), headers, status, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        if (Unavailable.causedBy(e)) {
            log.warn("No database connection free in time for {} {}", request.getMethod(), request.getRequestURI());
            if (!ErrorAudience.wantsProblemDetail(request)) {
                Unavailable.prepare(response);
                return toErrorPage(response, HttpStatus.SERVICE_UNAVAILABLE.value());
            }
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(Unavailable.RETRY_AFTER_SECONDS))
                    .body(Unavailable.problem());
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        if (!ErrorAudience.wantsProblemDetail(request)) {
            return toErrorPage(response, HttpStatus.INTERNAL_SERVER_ERROR.value());
        }
        return ResponseEntity.internalServerError().body(StandardProblems.forStatus(500));
    }

    /** Lets the servlet container show its error page, {@code /error}; nothing more is written here. */
    private static ResponseEntity<Object> toErrorPage(HttpServletResponse response, int status) {
        try {
            response.sendError(status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    static ProblemDetail invalid(String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(type("invalid-input"));
        problem.setTitle("Invalid input");
        problem.setProperty("errors", errors.stream().map(f -> Map.of("field", f.field(), "reason", f.reason()))
                .toList());
        return problem;
    }
}
