package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** What reaches the generic handler (500) tells the client nothing of its cause; the server log has it all. */
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedErrorsTest {

    private final ProblemHandler handler = new ProblemHandler(
            (caller, method, path, status, recordType, recordId, reason) -> { }, JsonMapper.builder().build());

    @Test
    void anApiClientLearnsNothingOfTheCause(CapturedOutput log) {
        ResponseEntity<Object> answer = handler.unexpected(new IOException("no space left on /srv/parley-data"),
                new MockHttpServletRequest("POST", "/api/v1/persons"), new MockHttpServletResponse());
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getType()).hasToString("urn:parley:problem:internal");
        assertThat(problem.getDetail()).isEqualTo(
                "An unexpected error occurred; nothing was changed. The server log has the details.");
        assertThat(log).contains("Unexpected error", "java.io.IOException: no space left on /srv/parley-data");
    }

    @Test
    void aBrowserIsSentToTheErrorPage() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ResponseEntity<Object> answer = handler.unexpected(new IllegalStateException("broken"),
                new MockHttpServletRequest("GET", "/favicon.ico"), response);
        assertThat(answer).isNull();
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsString()).isEmpty();
    }
}
