package org.parley.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.parley.audit.AuditTree;
import org.parley.audit.AuditVerifier;
import org.parley.audit.Checkpoint;
import org.parley.audit.Verification;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parley audit verify|checkpoint}: the audit log checked and its checkpoints kept, server stopped. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Verify the tamper-evident audit log, or write a signed checkpoint to keep. Stop the server "
                + "first when it uses the same embedded database.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.WriteCheckpoint.class})
public class AuditCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: verify, checkpoint");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Recompute the whole Merkle tree from the stored entries, check every checkpoint's "
                    + "signature and their consistency, and every entry's state hash against the record's stored "
                    + "history.", "Exit code 0 when all is well; 1 naming the first bad entry otherwise."})
    static class Verify implements Callable<Integer> {

        @Option(names = "--checkpoint", paramLabel = "FILE",
                description = "A checkpoint kept earlier ('audit checkpoint'): also check that the log extends it.")
        Path checkpoint;

        @CommandLine.Mixin
        UserCommand.DatabaseOptions database = new UserCommand.DatabaseOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            CommandLine commandLine = spec.commandLine();
            Optional<Checkpoint> kept;
            try {
                kept = checkpoint == null ? Optional.empty()
                        : Optional.of(Checkpoint.parse(Files.readString(checkpoint, StandardCharsets.UTF_8)));
            } catch (IOException | IllegalArgumentException e) {
                commandLine.getErr().println("parley: cannot read the checkpoint " + checkpoint + ": " + e.getMessage());
                return 1;
            }
            return OfflineContext.run(commandLine, database.dataDir, context -> {
                Verification result = context.getBean(AuditVerifier.class).verify(kept);
                (result.ok() ? commandLine.getOut() : commandLine.getErr()).println(result.report());
                return result.ok() ? 0 : 1;
            });
        }
    }

    @Command(name = "checkpoint", mixinStandardHelpOptions = true,
            description = "Sign a checkpoint of the log as it is now (unless the latest one covers it) and write it "
                    + "to FILE, for a party to keep and verify later with 'audit verify --checkpoint FILE'.")
    static class WriteCheckpoint implements Callable<Integer> {

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the checkpoint.")
        Path out;

        @CommandLine.Mixin
        UserCommand.DatabaseOptions database = new UserCommand.DatabaseOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            CommandLine commandLine = spec.commandLine();
            return OfflineContext.run(commandLine, database.dataDir, context -> {
                Checkpoint checkpoint = context.getBean(AuditTree.class).sign();
                try {
                    Files.writeString(out, checkpoint.note(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    commandLine.getErr().println("parley: cannot write " + out + ": " + e.getMessage());
                    return 1;
                }
                commandLine.getOut().println("Wrote the checkpoint of " + checkpoint.treeSize() + " entries to " + out);
                return 0;
            });
        }
    }
}
