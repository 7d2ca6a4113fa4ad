package org.parley.cli;

import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.parley.registry.Organisation;
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
        subcommands = {OrganisationCommand.Add.class, OrganisationCommand.ListOrganisations.class})
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

        @CommandLine.Mixin
        UserCommand.DatabaseOptions database = new UserCommand.DatabaseOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return OfflineContext.answer(spec.commandLine(), database.dataDir, RegistryService.class,
                    registry -> "Added " + describe(registry.addOrganisation(code, name, kind, language)));
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
