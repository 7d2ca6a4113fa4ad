package org.parley.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start the server like 'serve' and, if the database is empty, load a demo world: Party A, "
                + "Party B, one intermediary and detained persons on both sides."})
public class DemoCommand implements Callable<Integer> {

    /** Scale runs load millions (README, "Growth"): the persons are generated in memory first, so millions need -Xmx. */
    static final int MAX_PERSONS = 10_000_000;

    @Mixin
    ServerOptions server;

    @Option(names = "--persons", paramLabel = "N", defaultValue = "2000",
            description = "Number of detained persons in the demo world (default: ${DEFAULT-VALUE}).")
    int persons;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        server.validate(spec.commandLine());
        if (persons < 0 || persons > MAX_PERSONS) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--persons must be from 0 to " + MAX_PERSONS + ", not " + persons);
        }
        List<String> properties = Stream.concat(server.properties().stream(),
                Stream.of("--parley.demo.persons=" + persons)).toList();
        return ServerLauncher.run(spec.commandLine(), properties);
    }
}
