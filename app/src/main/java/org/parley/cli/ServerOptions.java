package org.parley.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by the commands that start the server. */
public class ServerOptions {

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "parley-data",
            description = "Directory of the embedded database (default: ${DEFAULT-VALUE}). Ignored when "
                    + "PARLEY_DB_URL names an external PostgreSQL server.")
    Path dataDir;

    /** Spring properties for these options. */
    List<String> properties() {
        List<String> properties = new ArrayList<>();
        properties.add("--server.port=" + port);
        properties.add("--parley.data-dir=" + dataDir.toAbsolutePath());
        return properties;
    }

    void validate(picocli.CommandLine commandLine) {
        if (port < 1 || port > 65535) {
            throw new picocli.CommandLine.ParameterException(commandLine,
                    "--port must be from 1 to 65535, not " + port);
        }
    }
}
