package org.parley.cli;

import java.nio.file.Path;
import java.util.function.Function;
import org.parley.ParleyApplication;
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
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(ParleyApplication.class).web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .run("--parley.data-dir=" + dataDir.toAbsolutePath(),
                            "--logging.level.org.springframework.boot.SpringApplication=OFF",
                            "--logging.level.org.springframework.boot.diagnostics=OFF",
                            "--logging.level.org.parley=WARN");
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
}
