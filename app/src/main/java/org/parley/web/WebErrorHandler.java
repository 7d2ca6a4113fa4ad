package org.parley.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.parley.api.Callers;
import org.parley.api.HtmlPages;
import org.parley.api.ForbiddenException;
import org.parley.api.NotFoundException;
import org.parley.api.RefusalRecorder;
import org.parley.api.Unavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the web pages as HTML pages in the reader's language, never a stack trace. It comes before the REST
 * API's problem-detail handler, for the controllers of this package and those of other features marked {@link HtmlPages} only; so it handles every exception, or the
 * API's handler would answer a browser with JSON.
 */
@ControllerAdvice(basePackages = "org.parley.web", annotations = HtmlPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(WebErrorHandler.class);

    private final RefusalRecorder refusals;

    WebErrorHandler(RefusalRecorder refusals) {
        this.refusals = refusals;
    }

    /** A record that does not exist and one the reader may not see give the same page and the same refusal. */
    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e, HttpServletRequest request, Locale locale) {
        if (e.refusal()) {
            refusals.refused(Callers.current().orElse(null), request.getMethod(), request.getRequestURI(), 404,
                    e.recordType(), e.recordId(), RefusalRecorder.NOT_FOUND);
        }
        return page("errors/not-found", HttpStatus.NOT_FOUND, request, locale);
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden(ForbiddenException e, HttpServletRequest request, Locale locale) {
        refusals.refused(Callers.current().orElse(null), request.getMethod(), request.getRequestURI(), 403,
                e.recordType(), e.recordId(), e.getMessage());
        ModelAndView page = page("errors/error", HttpStatus.FORBIDDEN, request, locale);
        page.addObject("status", HttpStatus.FORBIDDEN.value());
        return page;
    }

    /** {@code /persons/abc}: no such page either. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badPathOrParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request, Locale locale) {
        return page("errors/not-found", HttpStatus.NOT_FOUND, request, locale);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView other(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        if (Unavailable.causedBy(e)) {
            Unavailable.prepare(response);
            ModelAndView page = page("errors/error", HttpStatus.SERVICE_UNAVAILABLE, request, locale);
            page.addObject("status", HttpStatus.SERVICE_UNAVAILABLE.value());
            return page;
        }
        HttpStatusCode status = e instanceof ErrorResponse error ? error.getStatusCode()
                : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError()) {
            log.error("Error on page {}", request.getRequestURI(), e);
        }
        ModelAndView page = page("errors/error", status, request, locale);
        page.addObject("status", status.value());
        return page;
    }

    private static ModelAndView page(String view, HttpStatusCode status, HttpServletRequest request, Locale locale) {
        ModelAndView page = new ModelAndView(view, status);
        PageChrome.addTo(page.getModelMap(), request, locale);
        return page;
    }
}
