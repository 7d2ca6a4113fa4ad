package org.parley.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logs in through the login form, as a browser does (session cookie, CSRF token from the form), for HTTP tests of
 * the pages. Demo users have the password {@code parley-demo}.
 */
public final class WebLogin {

    public static final String DEMO_PASSWORD = "parley-demo";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private WebLogin() {
    }

    /** A fresh session with its CSRF token, before logging in. */
    public record Session(String cookie, String csrf) {
    }

    public static Session anonymous(int port) throws IOException, InterruptedException {
        HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(form.body());
        if (!token.find()) {
            throw new AssertionError("the login page has no CSRF token: " + form.body());
        }
        return new Session(sessionCookie(form), token.group(1));
    }

    /** Logs in and answers the {@code Cookie} header value of the new session. */
    public static String cookie(int port, String username) throws IOException, InterruptedException {
        HttpResponse<String> answer = post(port, username, DEMO_PASSWORD);
        if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("login of " + username + " failed: " + answer.statusCode() + " "
                    + answer.headers().firstValue("Location").orElse(""));
        }
        return sessionCookie(answer);
    }

    /** Posts the login form with a valid CSRF token and answers the raw response. */
    public static HttpResponse<String> post(int port, String username, String password)
            throws IOException, InterruptedException {
        Session session = anonymous(port);
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + session.csrf();
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", session.cookie())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }
}
