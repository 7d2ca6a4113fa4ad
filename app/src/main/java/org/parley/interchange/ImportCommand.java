package org.parley.interchange;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.parley.api.ForbiddenException;
import org.parley.api.InvalidInputException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley import FILE --holding-party CODE …}: imports persons (and events) from a CSV or XLSX file into the
 * database, server stopped, in one transaction; progress on stderr, the last line of stdout says what was done.
 * The database is opened as the other offline commands open it (the command line's {@code cli} package hands
 * this command a way to run inside the application, {@link #context}).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import persons (and lifecycle events) from a CSV or XLSX file, all or nothing. Stop the "
                + "server first when it uses the same embedded database.")
public class ImportCommand implements Callable<Integer> {

    /** Runs an action with the application started offline on the data directory; answers its exit code. */
    public interface Context {
        int run(CommandLine commandLine, Path dataDir, Function<ConfigurableApplicationContext, Integer> action);
    }

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV or XLSX file.")
    Path file;

    @Option(names = "--holding-party", paramLabel = "CODE", required = true,
            description = "The party that holds the persons.")
    String holdingParty;

    @Option(names = "--power-of-origin", paramLabel = "CODE",
            description = "The power of origin of rows that give none.")
    String powerOfOrigin;

    @Option(names = "--mapping", paramLabel = "M.json",
            description = "Which column is which field: {\"columns\": {\"header\": \"field\"}} (default: guessed).")
    Path mapping;

    @Option(names = "--events", paramLabel = "FILE",
            description = "A file of lifecycle events: prisoner_number, type, occurred_on, place, note.")
    Path events;

    @Option(names = "--skip-bad-rows", description = "Import the good rows when some are rejected (default: "
            + "a file with a rejected row stores nothing).")
    boolean skipBadRows;

    @Option(names = "--encoding", paramLabel = "NAME",
            description = "The encoding of a CSV file when it is not detected (e.g. windows-1251).")
    String encoding;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "parley-data",
            description = "Directory of the embedded database (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Context context;

    public ImportCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        PrintWriter err = commandLine.getErr();
        for (Path path : new Path[] {file, events, mapping}) {
            if (path != null && !Files.isReadable(path)) {
                err.println("parley: cannot read " + path);
                return 2;
            }
        }
        return context.run(commandLine, dataDir, application -> {
            ImportService imports = application.getBean(ImportService.class);
            try {
                Map<String, String> columns = mapping == null ? null : imports.readMapping(Files.readString(mapping));
                ImportOptions options = new ImportOptions(holdingParty, powerOfOrigin, columns, skipBadRows, encoding);
                long start = System.nanoTime();
                ImportResult result = imports.run(ImportService.operator(holdingParty), file, events, options,
                        new ImportProgress() {
                            @Override
                            public void update(long rows, long bytes, long total) {
                                err.printf("read %,d rows%s%n", rows,
                                        total > 0 && bytes >= 0 ? String.format(" (%d %%)", bytes * 100 / total) : "");
                            }

                            @Override
                            public void step(String what) {
                                err.printf("%s (%.1f s)%n", what, (System.nanoTime() - start) / 1e9);
                            }
                        });
                err.printf("done (%.1f s)%n", (System.nanoTime() - start) / 1e9);
                result.warnings().forEach(w -> err.println("warning: " + w));
                result.rejected().forEach(r -> err.println("rejected: " + r));
                if (result.message() != null) {
                    err.println("parley: " + result.message());
                }
                commandLine.getOut().println(result.summary());
                commandLine.getOut().flush();
                return result.refused() ? 1 : 0;
            } catch (ImportFileException | InvalidInputException | ForbiddenException e) {
                err.println("parley: " + e.getMessage());
                return 1;
            } catch (IOException e) {
                err.println("parley: cannot read " + mapping + ": " + e.getMessage());
                return 2;
            }
        });
    }
}
