package org.parley.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.parley.access.User;
import org.parley.access.UserService;
import org.parley.api.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley user add|list|disable|reset-password}: user administration on the database, server stopped. */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Manage users (with the rights of the instance administrator). Stop the server first when "
                + "it uses the same embedded database.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Disable.class,
                UserCommand.ResetPassword.class})
public class UserCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is required: add, list, disable, reset-password");
    }

    /** Options every user subcommand shares. */
    static class DatabaseOptions {
        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "parley-data",
                description = "Directory of the embedded database (default: ${DEFAULT-VALUE}).")
        Path dataDir;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create a user; prints a one-time password to be changed at the first login.")
    static class Add implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "USERNAME",
                description = "name@ORG, ORG being the user's organisation code (e.g. registrar@party-a); a plain "
                        + "name for an instance administrator.")
        String username;

        @Option(names = "--organisation", paramLabel = "CODE",
                description = "Organisation code; if given, USERNAME must end with @CODE (default: USERNAME's ORG).")
        String organisation;

        @Option(names = "--role", paramLabel = "ROLE", required = true, split = ",",
                description = "One or more of: ${COMPLETION-CANDIDATES}.")
        List<Role> roles;

        @CommandLine.Mixin
        DatabaseOptions database = new DatabaseOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Set<Role> roleSet = EnumSet.copyOf(roles);
            return OfflineContext.answer(spec.commandLine(), database.dataDir, UserService.class, users -> {
                UserService.NewUser created = users.create(UserService.OPERATOR, username, organisation, roleSet);
                return "Created " + describe(created.user()) + "\nOne-time password: " + created.oneTimePassword();
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List all users.")
    static class ListUsers implements Callable<Integer> {
        @CommandLine.Mixin
        DatabaseOptions database = new DatabaseOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return OfflineContext.answer(spec.commandLine(), database.dataDir, UserService.class,
                    users -> users.list(UserService.OPERATOR).stream().map(UserCommand::describe)
                            .collect(Collectors.joining("\n")));
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable a user and revoke their API tokens.")
    static class Disable implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @CommandLine.Mixin
        DatabaseOptions database = new DatabaseOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return OfflineContext.answer(spec.commandLine(), database.dataDir, UserService.class,
                    users -> "Disabled " + describe(users.disable(UserService.OPERATOR, username)));
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Give a user a new one-time password (and revoke their API tokens).")
    static class ResetPassword implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @CommandLine.Mixin
        DatabaseOptions database = new DatabaseOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return OfflineContext.answer(spec.commandLine(), database.dataDir, UserService.class,
                    users -> "One-time password for " + username + ": "
                            + users.resetPassword(UserService.OPERATOR, username));
        }
    }

    static String describe(User user) {
        return String.format("%-28s %-14s %-40s %s", user.username(),
                user.organisation() == null ? "(instance)" : user.organisation(),
                user.roles().stream().sorted().map(Role::name).collect(Collectors.joining(",")),
                user.enabled() ? (user.mustChangePassword() ? "one-time password" : "active") : "disabled");
    }
}
