package org.parley.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.DemoUsers;
import org.parley.ParleyTest;
import org.parley.web.PageSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every figure and report endpoint, and the dashboard pages, as every demo user and nobody: whoever reads records
 * reads the figures of their own view; an administrator of an organisation (who reads no records) and the
 * instance administrator get 403; nobody 401 (pages: the login); a report is read by its author's organisation
 * only (404 for the others, as for a missing one).
 */
@ParleyTest
class FiguresAccessTest {

    @LocalServerPort
    int port;

    @Test
    void everyDemoUserGetsWhatTheirRoleAndOrganisationAllow() {
        ApiClient anonymous = new ApiClient(port);
        ApiClient.Response made = anonymous.as("negotiator@party-b").post("/api/v1/reports",
                "{\"title\": \"B\", \"figures\": [\"held\"], \"filters\": {\"capturedTo\": \"2001-01-01\"}}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String reportOfB = "/api/v1/reports/" + made.json().get("id").stringValue();
        int checks = 0;
        for (DemoUsers.DemoUser user : DemoUsers.all()) {
            ApiClient client = anonymous.as(user.username());
            boolean reads = DemoUsers.readsRecords(user.organisation(), user.role());
            int allowed = reads ? 200 : 403;
            String mine = "intermediary".equals(user.organisation()) ? "in-custody" : "held";
            String other = "intermediary".equals(user.organisation()) ? "held" : "in-custody";
            assertThat(client.get("/api/v1/figures").status()).as(user.username()).isEqualTo(allowed);
            assertThat(client.get("/api/v1/figures/" + mine + "/records").status()).as(user.username())
                    .isEqualTo(allowed);
            assertThat(client.get("/api/v1/figures/" + other + "/records").status()).as(user.username())
                    .isEqualTo(reads ? 404 : 403);
            ApiClient.Response created = client.post("/api/v1/reports",
                    "{\"title\": \"t\", \"figures\": [\"" + mine + "\"], "
                            + "\"filters\": {\"capturedTo\": \"2001-01-01\"}}");
            assertThat(created.status()).as(user.username() + " " + created.body()).isEqualTo(reads ? 201 : 403);
            int readsB = !reads ? 403 : "party-b".equals(user.organisation()) ? 200 : 404;
            assertThat(client.get(reportOfB).status()).as(user.username()).isEqualTo(readsB);
            assertThat(client.get(reportOfB + "/report.pdf").status()).as(user.username()).isEqualTo(readsB);
            PageSession page = PageSession.of(port, user.username());
            HttpResponse<String> dashboard = page.get("/dashboard");
            assertThat(dashboard.statusCode()).as(user.username()).isEqualTo(allowed);
            assertThat(page.get("/dashboard/figures/" + mine).statusCode()).as(user.username()).isEqualTo(allowed);
            assertThat(page.get("/dashboard/figures/" + other).statusCode()).as(user.username())
                    .isEqualTo(reads ? 404 : 403);
            assertThat(page.get("/dashboard/figures/" + mine + "/breakdown.csv").statusCode()).as(user.username())
                    .isEqualTo(allowed);
            checks += 10;
        }
        assertThat(anonymous.get("/api/v1/figures").status()).isEqualTo(401);
        assertThat(anonymous.get(reportOfB).status()).isEqualTo(401);
        assertThat(anonymous.post("/api/v1/reports", "{}").status()).isEqualTo(401);
        assertThat(checks).isEqualTo(DemoUsers.all().size() * 10);
    }
}
