package org.parley.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.concurrent.Callable;
import org.parley.api.InvalidInputException;
import java.util.stream.Collectors;
import org.parley.registry.Organisation;
import org.parley.registry.OrganisationKeys;
import org.parley.registry.OrganisationKind;
import org.parley.registry.RegistryService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley organisation add|list}: the parties and intermediaries of an instance, on the database with the
 * server stopped. A new instance ({@code serve}) starts without any; the demo creates its own.
 */
@Command(name = "organisation", mixinStandardHelpOptions = true,
        description = "Manage the organisations: parties and intermediaries. Stop the server first when it uses the "
                + "same embedded database.",
        subcommands = {OrganisationCommand.Add.class, OrganisationCommand.ListOrganisations.class,
                OrganisationCommand.SetKey.class})
public class OrganisationCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: add, list");
    }

    static String describe(Organisation o) {
        return o.code() + "  " + o.kind() + "  " + o.language() + "  " + o.name();
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a party or an intermediary.")
    static class Add implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CODE", description = "e.g. party-a: lower-case letters, digits, '-'.")
        String code;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The name people read.")
        String name;

        @Option(names = "--kind", required = true, paramLabel = "KIND",
                description = "One of: ${COMPLETION-CANDIDATES}.")
        OrganisationKind kind;

        @Option(names = "--language", paramLabel = "TAG", defaultValue = "en",
                description = "Language of its records, e.g. uk, ru, en (default: ${DEFAULT-VALUE}).")
        String language;

        @Option(names = "--public-key", paramLabel = "FILE",
                description = "Its Ed25519 public key (PEM, as 'GET /api/v1/audit/public-key' gives it), for the "
                        + "notification bundles it sends.")
        Path publicKey;

        @CommandLine.Mixin
        UserCommand.DatabaseOptions database = new UserCommand.DatabaseOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PublicKey key = null;
            if (publicKey != null) {
                key = readKey(spec.commandLine(), publicKey);
                if (key == null) {
                    return 2;
                }
            }
            PublicKey checked = key;
            return OfflineContext.run(spec.commandLine(), database.dataDir, context -> {
                try {
                    Organisation added = context.getBean(RegistryService.class).addOrganisation(code, name, kind,
                            language);
                    if (checked != null) {
                        context.getBean(OrganisationKeys.class).set(null, code, checked);
                    }
                    spec.commandLine().getOut().println("Added " + describe(added)
                            + (checked != null ? " with its public key" : ""));
                    return 0;
                } catch (InvalidInputException e) {
                    spec.commandLine().getErr().println("parley: " + e.getMessage());
                    return 1;
                }
            });
        }
    }

    /** Reads a public key file; null after saying on stderr what is wrong with it. */
    static PublicKey readKey(CommandLine commandLine, Path file) {
        try {
            return OrganisationKeys.parse(Files.readString(file));
        } catch (IOException | java.io.UncheckedIOException e) {
            commandLine.getErr().println("parley: cannot read " + file + ": " + e.getMessage());
        } catch (InvalidInputException e) {
            commandLine.getErr().println("parley: " + file + ": " + e.getMessage());
        }
        return null;
    }

    @Command(name = "set-key", mixinStandardHelpOptions = true,
            description = "Set or replace an organisation's Ed25519 public key (for the bundles it sends).")
    static class SetKey implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CODE", description = "The organisation.")
        String code;

        @Option(names = "--public-key", required = true, paramLabel = "FILE", description = "The key, PEM.")
        Path publicKey;

        @CommandLine.Mixin
        UserCommand.DatabaseOptions database = new UserCommand.DatabaseOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PublicKey key = readKey(spec.commandLine(), publicKey);
            if (key == null) {
                return 2;
            }
            return OfflineContext.answer(spec.commandLine(), database.dataDir, OrganisationKeys.class, keys -> {
                keys.set(null, code, key);
                return "Set the public key of " + code;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the organisations.")
    static class ListOrganisations implements Callable<Integer> {
        @CommandLine.Mixin
        UserCommand.DatabaseOptions database = new UserCommand.DatabaseOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return OfflineContext.answer(spec.commandLine(), database.dataDir, RegistryService.class,
                    registry -> registry.organisations().stream().map(OrganisationCommand::describe)
                            .collect(Collectors.joining("\n")));
        }
    }
}
