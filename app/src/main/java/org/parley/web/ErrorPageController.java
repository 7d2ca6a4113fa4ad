package org.parley.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.parley.api.ErrorAudience;
import org.parley.api.StandardProblems;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The servlet container's error page, {@code /error}, in the place of Spring Boot's: errors no controller answered
 * — an unknown page, a wrong method, a refused CSRF token, a failure in a filter. Browsers get the HTML error page
 * in their language, API clients a problem detail in plain words; neither ever names an exception. Opened directly
 * (no error to show), it is a page that does not exist.
 */
@Controller
class ErrorPageController implements ErrorController {

    /** A {@link ResponseEntity} with a problem detail or a {@link ModelAndView}: Spring MVC handles either. */
    @RequestMapping("/error")
    Object error(HttpServletRequest request, Locale locale) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code
                : HttpStatus.NOT_FOUND.value();
        if (ErrorAudience.wantsProblemDetail(request)) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(StandardProblems.forStatus(status));
        }
        ModelAndView page = new ModelAndView(status == 404 ? "errors/not-found" : "errors/error",
                HttpStatusCode.valueOf(status));
        page.addObject("status", status);
        PageChrome.addTo(page.getModelMap(), request, locale);
        return page;
    }
}
