package org.parley;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 written by hand on a socket, for what {@code java.net.http} refuses to send: a forged {@code Host}
 * header, a request line or header far beyond the server's limits.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** A response as it came: status, header lines and body (without chunk sizes). */
    public record Response(int status, String head, String body) {

        public Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return head.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).trim()).findFirst();
        }
    }

    /** Sends one request without a body (the headers given, then Connection: close) and reads the whole answer. */
    public static Response send(int port, String requestLine, String... headers) {
        return exchange(port, requestLine, headers, new byte[0]);
    }

    /** POSTs a form. */
    public static Response postForm(int port, String path, String form, String... headers) {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        String[] all = Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Content-Type: application/x-www-form-urlencoded";
        all[headers.length + 1] = "Content-Length: " + body.length;
        return exchange(port, "POST " + path + " HTTP/1.1", all, body);
    }

    private static Response exchange(int port, String requestLine, String[] headers, byte[] body) {
        StringBuilder request = new StringBuilder(requestLine).append("\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            byte[] answer = socket.getInputStream().readAllBytes();
            String text = new String(answer, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            int status = Integer.parseInt(head.split(" ", 3)[1].trim());
            byte[] content = end < 0 ? new byte[0] : Arrays.copyOfRange(answer, end + 4, answer.length);
            boolean chunked = new Response(status, head, "").header("Transfer-Encoding")
                    .filter("chunked"::equalsIgnoreCase).isPresent();
            return new Response(status, head, new String(chunked ? unchunked(content) : content,
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] unchunked(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (true) {
            int lineEnd = text.indexOf("\r\n", at);
            int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
