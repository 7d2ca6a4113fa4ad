package org.parley.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the Parley server (web UI and REST API) on its database.")
public class ServeCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        server.validate(spec.commandLine());
        java.util.List<String> properties = new java.util.ArrayList<>(server.properties());
        properties.add("--parley.bootstrap-admin=true");
        return ServerLauncher.run(spec.commandLine(), properties);
    }
}
