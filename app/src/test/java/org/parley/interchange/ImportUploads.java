package org.parley.interchange;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.parley.ApiClient;

/** multipart/form-data requests of the import API, as a browser or curl -F sends them. */
public final class ImportUploads {

    private ImportUploads() {
    }

    public static ApiClient.Response post(ApiClient client, Map<String, String> fields, Map<String, byte[]> files) {
        String boundary = "----parley" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        files.forEach((name, content) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + name + ".csv\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(client.uri("/api/v1/imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Waits for an import to end; answers its last status. */
    public static ApiClient.Response awaitEnd(ApiClient client, String id) {
        for (int i = 0; i < 600; i++) {
            ApiClient.Response status = client.get("/api/v1/imports/" + id);
            String state = status.json().get("state").stringValue();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                return status;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("import " + id + " did not end within a minute");
    }
}
