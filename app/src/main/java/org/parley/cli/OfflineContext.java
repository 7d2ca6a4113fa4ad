package org.parley.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.parley.ParleyApplication;
import org.parley.api.InvalidInputException;
import org.parley.api.NotFoundException;
import org.parley.audit.AuditKeyException;
import org.parley.database.DatabaseStartupException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/** Runs a command against the database without starting the web server, then stops. */
final class OfflineContext {

    private OfflineContext() {
    }

    static int run(CommandLine commandLine, Path dataDir, Function<ConfigurableApplicationContext, Integer> action) {
        return run(commandLine, dataDir, List.of(), action);
    }

    /** As {@link #run(CommandLine, Path, Function)}, with more Spring properties ({@code --name=value}). */
    static int run(CommandLine commandLine, Path dataDir, List<String> properties,
            Function<ConfigurableApplicationContext, Integer> action) {
        ConfigurableApplicationContext context;
        try {
            List<String> args = new ArrayList<>(List.of("--parley.data-dir=" + dataDir.toAbsolutePath(),
                    "--logging.level.org.springframework.boot.SpringApplication=OFF",
                    "--logging.level.org.springframework.boot.diagnostics=OFF",
                    "--logging.level.org.parley=WARN"));
            args.addAll(properties);
            context = new SpringApplicationBuilder(ParleyApplication.class).web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .run(args.toArray(String[]::new));
        } catch (Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof DatabaseStartupException || t instanceof AuditKeyException) {
                    commandLine.getErr().println("parley: " + t.getMessage());
                    return 1;
                }
            }
            commandLine.getErr().println("parley: could not open the database: " + e);
            return 1;
        }
        try (context) {
            return action.apply(context);
        }
    }

    /**
     * Runs an action on one service of the application and prints what it answers; a refusal (bad input, an
     * unknown record) is one line on stderr and exit code 1.
     */
    static <T> int answer(CommandLine commandLine, Path dataDir, Class<T> service, Function<T, String> action) {
        return run(commandLine, dataDir, context -> {
            try {
                commandLine.getOut().println(action.apply(context.getBean(service)));
                return 0;
            } catch (InvalidInputException | NotFoundException e) {
                commandLine.getErr().println("parley: " + e.getMessage());
                return 1;
            }
        });
    }
}
