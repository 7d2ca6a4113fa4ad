package org.parley.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.tracing.TracingRequests.record;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ParleyTest;
import org.parley.web.PageSession;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * More tracing requests than one page holds: the list page ({@code /tracing}) pages through all of them, a hundred
 * a page, and the API counts them ({@code total}).
 */
@ParleyTest
class TracingListPagesTest {

    private static final Pattern ROW = Pattern.compile("id=\"request-([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void everyOpenRequestIsOnExactlyOnePageAndTheApiCountsThemAll() {
        ApiClient registrar = new ApiClient(port).as("registrar@party-b");
        while (openTotal(registrar) <= TracingPagesController.PAGE_SIZE) {
            record(registrar, "{\"surname\": \"Сторінкова\", \"givenName\": \"Марія\", \"dateOfBirth\": \"1990\"}");
        }
        long total = openTotal(registrar);
        List<String> inApi = new ArrayList<>();
        for (int page = 0; page * 200 < total; page++) {
            registrar.get("/api/v1/tracing-requests?state=OPEN&size=200&page=" + page).json().get("items")
                    .forEach(item -> inApi.add(item.get("id").stringValue()));
        }
        assertThat(inApi).hasSize((int) total).doesNotHaveDuplicates();

        PageSession session = PageSession.of(port, "viewer@party-b");
        int pages = (int) ((total + TracingPagesController.PAGE_SIZE - 1) / TracingPagesController.PAGE_SIZE);
        List<String> onPages = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            String body = session.get("/tracing?state=OPEN&page=" + page).body();
            List<String> rows = rows(body);
            assertThat(rows).as("page %d", page).hasSize(page < pages ? TracingPagesController.PAGE_SIZE
                    : (int) (total - (long) (pages - 1) * TracingPagesController.PAGE_SIZE));
            assertThat(body).as("page %d", page).contains("Page " + page + " of " + pages);
            assertThat(body.contains("id=\"tracing-next\"")).as("page %d", page).isEqualTo(page < pages);
            assertThat(body.contains("id=\"tracing-previous\"")).as("page %d", page).isEqualTo(page > 1);
            onPages.addAll(rows);
        }
        assertThat(onPages).as("the pages in the API's order").isEqualTo(inApi);
        assertThat(session.get("/tracing?state=OPEN&page=2").body()).as("the links keep the state")
                .contains("href=\"/tracing?state=OPEN&amp;page=1\"");
        assertThat(rows(session.get("/tracing?state=OPEN&page=x").body())).as("not a number: the first page")
                .isEqualTo(onPages.subList(0, TracingPagesController.PAGE_SIZE));
        assertThat(new ApiClient(port).as("registrar@party-a").get("/api/v1/tracing-requests?state=OPEN").json()
                .get("total").asLong()).as("the other party's requests are not counted for it").isLessThan(total);
    }

    private static long openTotal(ApiClient client) {
        JsonNode listed = client.get("/api/v1/tracing-requests?state=OPEN&size=1").json();
        return listed.get("total").asLong();
    }

    private static List<String> rows(String body) {
        List<String> rows = new ArrayList<>();
        Matcher row = ROW.matcher(body);
        while (row.find()) {
            rows.add(row.group(1));
        }
        return rows;
    }
}
