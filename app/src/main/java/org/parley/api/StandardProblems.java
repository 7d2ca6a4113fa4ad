package org.parley.api;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;

/**
 * Problem details in plain words for the errors that Spring MVC and the servlet container detect before Parley's
 * own code runs — an unknown address, a method or media type the address does not take, a missing parameter, a
 * request Tomcat cannot read — so that no answer carries a framework's message, a class name or a stack trace.
 */
public final class StandardProblems {

    private StandardProblems() {
    }

    /** The problem when only the status is known: on the error page, or for Tomcat's own refusals. */
    public static ProblemDetail forStatus(int status) {
        return switch (status) {
            case 400 -> problem(HttpStatus.BAD_REQUEST, "bad-request", "The request cannot be read as it was sent.");
            case 404 -> problem(HttpStatus.NOT_FOUND, "not-found", "There is nothing at this address.");
            case 405 -> problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                    "This address does not take this method.");
            case 406 -> problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
                    "This address cannot answer in a format the Accept header asks for.");
            case 413 -> problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "The request body is too large.");
            case 415 -> problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "This address does not read a body of this Content-Type.");
            case 500 -> problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                    "An unexpected error occurred; nothing was changed. The server log has the details.");
            default -> other(status);
        };
    }

    /** The problem for one of Spring MVC's own exceptions, saying what the address takes where that helps. */
    static ProblemDetail describe(Exception e, HttpStatusCode status) {
        if (e instanceof HttpRequestMethodNotSupportedException wrongMethod) {
            String[] allowed = wrongMethod.getSupportedMethods();
            return problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", wrongMethod.getMethod()
                    + " is not allowed at this address" + (allowed == null ? "." : "; it takes "
                    + String.join(", ", allowed) + "."));
        }
        if (e instanceof HttpMediaTypeNotSupportedException unsupported) {
            return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Send the body as "
                    + either(unsupported.getSupportedMediaTypes()) + " (the Content-Type header).");
        }
        if (e instanceof HttpMediaTypeNotAcceptableException notAcceptable) {
            return problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "This address answers "
                    + either(notAcceptable.getSupportedMediaTypes()) + " only, which the Accept header does not take.");
        }
        if (e instanceof MissingServletRequestParameterException missing) {
            return ProblemHandler.invalid("a required parameter is missing",
                    List.of(new FieldError(missing.getParameterName(), "is required")));
        }
        return forStatus(status.value());
    }

    private static ProblemDetail other(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null) {
            return problem(HttpStatusCode.valueOf(status), "error", "Error", "The request failed.");
        }
        return problem(known, known.name().toLowerCase(Locale.ROOT).replace('_', '-'), known.getReasonPhrase() + ".");
    }

    private static String either(List<MediaType> types) {
        return types.stream().map(MediaType::toString).collect(Collectors.joining(" or "));
    }

    /** The title is the status's reason phrase in sentence case ("Method not allowed"), as Parley's other titles. */
    private static ProblemDetail problem(HttpStatus status, String type, String detail) {
        String reason = status.getReasonPhrase();
        return problem(status, type, reason.charAt(0) + reason.substring(1).toLowerCase(Locale.ROOT), detail);
    }

    private static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemHandler.type(type));
        problem.setTitle(title);
        return problem;
    }
}
