package org.parley.bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The load generators' requests: sent on the calling client's own thread, blocking, over a kept-alive connection.
 * They share the server's two cores, and {@code java.net.http.HttpClient} handed every request between its threads
 * (about a millisecond of processor a request).
 */
final class KeptAliveHttp {

    static {
        // every client keeps its connection (the JDK keeps 5 idle ones per server unless told); read when the JDK's
        // connection cache is first used, which is after this
        System.setProperty("http.maxConnections", "1000");
    }

    private KeptAliveHttp() {
    }

    /** A connection to this URL, with the usual timeouts and this Authorization header, not yet sent. */
    static HttpURLConnection open(String url, String authorization) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(60_000);
        connection.setRequestProperty("Authorization", authorization);
        return connection;
    }
}
