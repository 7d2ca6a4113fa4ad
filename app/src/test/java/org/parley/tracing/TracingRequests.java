package org.parley.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.parley.ApiClient;

/** Tracing requests recorded through the API, for the tracing tests. */
final class TracingRequests {

    private TracingRequests() {
    }

    /** Records a request ({@code POST /api/v1/tracing-requests}), which must succeed; answers its id. */
    static String record(ApiClient client, String body) {
        ApiClient.Response created = client.post("/api/v1/tracing-requests", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").stringValue();
    }
}
