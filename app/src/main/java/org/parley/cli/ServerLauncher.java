package org.parley.cli;

import java.util.ArrayList;
import java.util.List;
import org.parley.ParleyApplication;
import org.parley.audit.AuditKeyException;
import org.parley.database.DatabaseStartupException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/** Starts the Spring application and turns the failures a user can fix into one clear message. */
final class ServerLauncher {

    private ServerLauncher() {
    }

    /** Starts the server and waits until it is stopped; returns the exit code. */
    static int run(CommandLine commandLine, List<String> properties) {
        List<String> args = new ArrayList<>(properties);
        // Parley prints start-up failures itself, as one message instead of a stack trace.
        args.add("--logging.level.org.springframework.boot.SpringApplication=OFF");
        args.add("--logging.level.org.springframework.boot.diagnostics=OFF");
        long started = System.nanoTime();
        ConfigurableApplicationContext context;
        try {
            context = SpringApplication.run(ParleyApplication.class, args.toArray(String[]::new));
        } catch (Throwable e) {
            return fail(commandLine, e);
        }
        String port = context.getEnvironment().getProperty("local.server.port");
        commandLine.getOut().printf("Parley is ready at http://localhost:%s (started in %.1f s). Stop it with Ctrl+C.%n",
                port, (System.nanoTime() - started) / 1e9);
        commandLine.getOut().flush();
        return 0;
    }

    private static int fail(CommandLine commandLine, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DatabaseStartupException || t instanceof AuditKeyException) {
                commandLine.getErr().println("parley: " + t.getMessage());
                return 1;
            }
            if (t instanceof PortInUseException port) {
                commandLine.getErr().println("parley: port " + port.getPort() + " is already in use by another "
                        + "program. Stop it, or start Parley with --port and a free port.");
                return 1;
            }
        }
        commandLine.getErr().println("parley: could not start: " + e);
        e.printStackTrace(commandLine.getErr());
        return 1;
    }
}
