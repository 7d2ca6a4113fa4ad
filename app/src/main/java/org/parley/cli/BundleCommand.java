package org.parley.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.parley.api.ConflictException;
import org.parley.api.InvalidInputException;
import org.parley.interchange.BundleReceipt;
import org.parley.interchange.BundleService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code parley bundle export|import}: notification bundles between instances (docs/interchange/bundles.md), on the
 * database with the server stopped, as the instance's operator.
 */
@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = "Export or import notification bundles (GC III Art. 122-123). Stop the server first when it "
                + "uses the same embedded database.",
        subcommands = {BundleCommand.Export.class, BundleCommand.Import.class})
public class BundleCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: export, import");
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the next bundle of a party for a receiver: what it notified since the last one.")
    static class Export implements Callable<Integer> {
        @Option(names = "--from", required = true, paramLabel = "CODE", description = "The sending party.")
        String from;

        @Option(names = "--to", required = true, paramLabel = "CODE", description = "The receiving organisation.")
        String to;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the bundle.")
        Path out;

        @CommandLine.Mixin
        UserCommand.DatabaseOptions database = new UserCommand.DatabaseOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return OfflineContext.run(spec.commandLine(), database.dataDir, context -> {
                try {
                    JsonNode bundle = context.getBean(BundleService.class).export(BundleService.OPERATOR, from, to);
                    Files.write(out, context.getBean(JsonMapper.class).writerWithDefaultPrettyPrinter()
                            .writeValueAsBytes(bundle));
                    spec.commandLine().getOut().println("Wrote bundle " + bundle.get("sequence").intValue() + " from "
                            + from + " to " + to + " (" + bundle.get("persons").size() + " persons, hash "
                            + bundle.get("hash").stringValue() + ") to " + out);
                    return 0;
                } catch (InvalidInputException e) {
                    spec.commandLine().getErr().println("parley: " + e.getMessage());
                    return 1;
                } catch (IOException e) {
                    spec.commandLine().getErr().println("parley: cannot write " + out + ": " + e.getMessage());
                    return 2;
                }
            });
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Check a bundle against its sender's registered key and the bundles before it, and merge it.")
    static class Import implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "The bundle (JSON).")
        Path file;

        @Option(names = "--receiver", required = true, paramLabel = "CODE",
                description = "The organisation this instance receives for (the bundle must be addressed to it).")
        String receiver;

        @CommandLine.Mixin
        UserCommand.DatabaseOptions database = new UserCommand.DatabaseOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            JsonNode document;
            try {
                document = JsonMapper.builder().build().readTree(Files.readAllBytes(file));
            } catch (IOException | JacksonException e) {
                spec.commandLine().getErr().println("parley: " + file + " cannot be read as JSON: "
                        + e.getMessage().lines().findFirst().orElse(""));
                return 2;
            }
            return OfflineContext.run(spec.commandLine(), database.dataDir, context -> {
                try {
                    BundleReceipt r = context.getBean(BundleService.class).importBundle(BundleService.OPERATOR,
                            receiver, document);
                    spec.commandLine().getOut().println("Accepted bundle " + r.sequence() + " from " + r.sender()
                            + " to " + r.receiver() + ": " + r.persons() + " persons (" + r.created() + " new, "
                            + r.updated() + " updated), " + r.events() + " events");
                    return 0;
                } catch (InvalidInputException | ConflictException e) {
                    spec.commandLine().getErr().println("parley: bundle refused, nothing stored: " + e.getMessage());
                    return 1;
                }
            });
        }
    }
}
