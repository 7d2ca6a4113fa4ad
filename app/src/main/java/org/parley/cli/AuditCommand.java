package org.parley.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.parley.audit.AuditLog;
import org.parley.audit.AuditTree;
import org.parley.audit.AuditVerifier;
import org.parley.audit.Checkpoint;
import org.parley.audit.NoteKey;
import org.parley.audit.Verification;
import org.parley.exchange.AgreementVerifier;
import org.parley.reports.ReportLogLookup;
import org.parley.reports.ReportVerifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley audit verify|checkpoint|verify-document}: the audit log checked and its checkpoints kept, server
 * stopped; a signed exchange agreement checked, offline or against the log.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Verify the tamper-evident audit log, write a signed checkpoint to keep, or verify a signed "
                + "exchange agreement. Stop the server first when it uses the same embedded database.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.WriteCheckpoint.class,
                AuditCommand.VerifyDocument.class})
public class AuditCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: verify, checkpoint, "
                + "verify-document");
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
                AuditTree tree = context.getBean(AuditTree.class);
                Checkpoint checkpoint = tree.sign();
                try {
                    Files.writeString(out, checkpoint.note(tree.publicKey()), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    commandLine.getErr().println("parley: cannot write " + out + ": " + e.getMessage());
                    return 1;
                }
                commandLine.getOut().println("Wrote the checkpoint of " + checkpoint.treeSize() + " entries to " + out
                        + " (a signed note; verifier key " + NoteKey.ed25519(Checkpoint.ORIGIN, tree.publicKey()).vkey()
                        + ")");
                return 0;
            });
        }
    }

    @Command(name = "verify-document", mixinStandardHelpOptions = true,
            description = {"Verify an exchange agreement (GET /api/v1/exchanges/{id}/agreement, saved to FILE), or a "
                    + "frozen report of figures (GET /api/v1/reports/{id}: its signature, each value against its "
                    + "records, its checkpoint; with the database, that the records had the stated status then). An "
                    + "agreement: its "
                    + "exchange list is the one every approval signed, each approval's signature holds with the "
                    + "instance's public key, both parties approved and none for another, and its signed checkpoint "
                    + "covers every approval's audit entry. Without --data-dir or PARLEY_DB_URL it starts no "
                    + "database: the document alone is checked. With them, it also checks that each approval is "
                    + "its entry of the audit log and that the checkpoint is of that log.",
                    "Exit code 0 when all holds (a summary on stdout); 1 naming each problem on stderr; 2 when the "
                            + "file, the key or the database cannot be read."})
    static class VerifyDocument implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE", description = "The agreement or report document (JSON).")
        Path file;

        @Option(names = "--public-key", paramLabel = "KEY",
                description = "The instance's public key as you know it (not from the document): a PEM file "
                        + "(-----BEGIN PUBLIC KEY-----), or the Base64 of its X.509 SubjectPublicKeyInfo (the "
                        + "'spki' of GET /api/v1/audit/public-key), given as is or in a file.")
        String publicKey;

        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "Directory of the instance's embedded database: also check the approvals against its "
                        + "audit log (default: none; PARLEY_DB_URL names an external database instead).")
        Path dataDir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            CommandLine commandLine = spec.commandLine();
            PrintWriter err = commandLine.getErr();
            String json;
            try {
                json = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("parley: cannot read the agreement " + file + ": " + describe(e));
                return 2;
            }
            PublicKey key = null;
            if (publicKey != null) {
                try {
                    key = AgreementVerifier.publicKey(keyText(publicKey));
                } catch (IOException | IllegalArgumentException e) {
                    err.println("parley: cannot read the public key " + publicKey + ": " + describe(e));
                    return 2;
                }
            }
            if (ReportVerifier.isReport(json)) {
                return verifyReport(commandLine, json, key);
            }
            AgreementVerifier.Result offline;
            try {
                offline = AgreementVerifier.verify(json, key, null);
            } catch (AgreementVerifier.UnreadableDocumentException e) {
                err.println("parley: " + file + " is not an agreement document: " + e.getMessage());
                return 2;
            }
            if (!database()) {
                return report(commandLine, offline);
            }
            Path directory = dataDir == null ? Path.of("parley-data") : dataDir;
            if (!externalDatabase() && !Files.isDirectory(directory.resolve("postgres"))) {
                err.println("parley: " + directory + " holds no Parley database (no " + directory.resolve("postgres")
                        + "); give the --data-dir of the instance that signed the agreement");
                return 2;
            }
            PublicKey givenKey = key;
            boolean[] opened = {false};
            int exit = OfflineContext.run(commandLine, directory, context -> {
                opened[0] = true;
                AuditLogLookup lookup = new AuditLogLookup(context.getBean(AuditLog.class),
                        context.getBean(AuditTree.class));
                return report(commandLine, AgreementVerifier.verify(json, givenKey, lookup));
            });
            return opened[0] ? exit : 2;
        }

        /** A frozen report of figures: offline, or also against the database when one is named. */
        private int verifyReport(CommandLine commandLine, String json, PublicKey key) {
            if (!database()) {
                return report(commandLine, ReportVerifier.verify(json, key, null));
            }
            Path directory = dataDir == null ? Path.of("parley-data") : dataDir;
            if (!externalDatabase() && !Files.isDirectory(directory.resolve("postgres"))) {
                commandLine.getErr().println("parley: " + directory + " holds no Parley database (no "
                        + directory.resolve("postgres") + "); give the --data-dir of the instance that signed the "
                        + "report");
                return 2;
            }
            boolean[] opened = {false};
            int exit = OfflineContext.run(commandLine, directory, context -> {
                opened[0] = true;
                return report(commandLine, ReportVerifier.verify(json, key, context.getBean(ReportLogLookup.class)));
            });
            return opened[0] ? exit : 2;
        }

        private static int report(CommandLine commandLine, ReportVerifier.Result result) {
            if (result.ok()) {
                commandLine.getOut().println(result.summary());
                return 0;
            }
            PrintWriter err = commandLine.getErr();
            err.println("parley: the report does not hold (" + result.problems().size()
                    + (result.problems().size() == 1 ? " problem):" : " problems):"));
            result.problems().forEach(p -> err.println("- " + p));
            return 1;
        }

        /** Whether to check against a database: --data-dir given, or an external one named. */
        private boolean database() {
            return dataDir != null || externalDatabase();
        }

        private static boolean externalDatabase() {
            String env = System.getenv("PARLEY_DB_URL");
            String property = System.getProperty("parley.db.url");
            return env != null && !env.isBlank() || property != null && !property.isBlank();
        }

        /** KEY names a file (PEM or Base64 inside), or is the Base64 itself. */
        private static String keyText(String key) throws IOException {
            try {
                Path path = Path.of(key);
                if (Files.isRegularFile(path)) {
                    return Files.readString(path, StandardCharsets.US_ASCII);
                }
            } catch (InvalidPathException notAPath) {
                // the key itself, perhaps
            }
            if (key.startsWith("-----BEGIN") || key.matches("[A-Za-z0-9+/=]{40,}")) {
                return key;
            }
            throw new IOException("no such file, nor the Base64 of a public key");
        }

        private static int report(CommandLine commandLine, AgreementVerifier.Result result) {
            if (result.ok()) {
                commandLine.getOut().println(result.summary());
                return 0;
            }
            PrintWriter err = commandLine.getErr();
            err.println("parley: the agreement does not hold (" + result.problems().size()
                    + (result.problems().size() == 1 ? " problem):" : " problems):"));
            result.problems().forEach(p -> err.println("- " + p));
            return 1;
        }

        private static String describe(Exception e) {
            if (e instanceof NoSuchFileException) {
                return "no such file";
            }
            if (e instanceof MalformedInputException || e.getCause() instanceof MalformedInputException) {
                return "not UTF-8 text";
            }
            return e.getMessage();
        }
    }
}
