package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Parley server in a child JVM, started as a user starts it ({@code demo} or {@code serve} of {@link ParleyCommand}
 * on a free port), for tests that kill it or run several at once.
 */
record ChildServer(Process process, int port) {

    private static final Pattern READY = Pattern.compile("Parley is ready at http://localhost:(\\d+)");

    /** Started with these environment variables and Parley's arguments (a free {@code --port} is added). */
    static ChildServer start(Map<String, String> environment, String... command) throws Exception {
        return start(environment, List.of(), command);
    }

    /** The same, with system properties ({@code -Dname=value}) for the child JVM. */
    static ChildServer start(Map<String, String> environment, List<String> properties, String... command)
            throws Exception {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dparley.rate-limit.user-per-minute=1000000",
                "-Dparley.rate-limit.login-per-minute=1000"));
        args.addAll(properties);
        args.addAll(List.of("-cp", System.getProperty("java.class.path"), ParleyCommand.class.getName()));
        args.addAll(List.of(command));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        args.addAll(List.of("--port", String.valueOf(port)));
        ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.append(line).append('\n');
            Matcher ready = READY.matcher(line);
            if (ready.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return new ChildServer(process, Integer.parseInt(ready.group(1)));
            }
        }
        throw new IllegalStateException("the server did not start:\n" + seen);
    }

    /** SIGKILL: no shutdown hook runs (an embedded PostgreSQL is left running). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
}
