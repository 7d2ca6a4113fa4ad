package org.parley.interchange;

import java.util.Map;
import org.parley.ApiClient;

/** {@link ImportUploads} for the tracing tests, which live in another package. */
public final class TracingImportUploads {

    private TracingImportUploads() {
    }

    public static ApiClient.Response post(ApiClient client, Map<String, String> fields, Map<String, byte[]> files) {
        return ImportUploads.post(client, fields, files);
    }

    public static ApiClient.Response awaitEnd(ApiClient client, String id) {
        return ImportUploads.awaitEnd(client, id);
    }
}
