package org.parley.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar parley.jar COMMAND}: the entry point of the jar. */
@Command(name = "parley", mixinStandardHelpOptions = true, versionProvider = ParleyCommand.Version.class,
        description = "Parley: neutral information system for prisoners of war and interned civilians.",
        subcommands = {ServeCommand.class, DemoCommand.class, OrganisationCommand.class, UserCommand.class,
                AuditCommand.class, BundleCommand.class, ExportCommand.class, org.parley.reconcile.ReconcileCommand.class,
                BackupCommand.class, RestoreCommand.class,
                CommandLine.HelpCommand.class})
public class ParleyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int exitCode = commandLine().execute(args);
        // A started server keeps the JVM alive on its own threads; exit only when there is nothing to serve.
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** The command line with Parley's error handling: a bad argument is one line on stderr and exit code 2. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ParleyCommand());
        commandLine.addSubcommand(new org.parley.interchange.ImportCommand(OfflineContext::run));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println("parley: " + e.getMessage() + " (see '" + failed.getCommandSpec().qualifiedName()
                    + " --help')");
            return CommandLine.ExitCode.USAGE;
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    static class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ParleyCommand.class.getPackage().getImplementationVersion();
            return new String[] {"Parley " + (version == null ? "(development build)" : version)};
        }
    }
}
