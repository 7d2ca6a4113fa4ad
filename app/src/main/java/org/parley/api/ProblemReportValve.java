package org.parley.api;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's last word on a request that no part of Parley answered — above all one Tomcat refuses before any filter
 * runs, because its request line or headers are longer than {@code server.max-http-request-header-size} or not
 * well-formed: a problem detail, where Tomcat's own valve writes an HTML page. Installed by
 * {@link TomcatErrorReports}.
 */
class ProblemReportValve extends ErrorReportValve {

    private final JsonMapper json;
    private final String headerLimit;

    ProblemReportValve(JsonMapper json, String headerLimit) {
        this.json = json;
        this.headerLimit = headerLimit;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As Tomcat's valve: only an error that nobody has answered yet, on a connection that can still be written.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean writable = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
        if (!writable.get()) {
            return;
        }
        ProblemDetail problem = StandardProblems.forStatus(status);
        if (status == 400) {
            problem.setDetail("The request cannot be read: its address and headers are longer than " + headerLimit
                    + " together, or not well-formed.");
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone or the response was committed meanwhile: there is nobody left to tell.
        }
    }
}
