package org.parley.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parley.api.Caller;
import org.parley.api.FieldError;
import org.parley.api.InvalidInputException;
import org.parley.interchange.ExportFormat;
import org.parley.interchange.ExportService;
import org.parley.registry.NameCollation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code export --format F --out FILE --organisation CODE [--filter NAME=VALUE]…}: the person list as the API's
 * export gives it, offline against the database. Whose view is exported is always explicit: an organisation's, as
 * its users read it (an operator with the database can read everything anyway; the file means what an export of
 * that organisation means, and is audited as such).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a person list as CSV, XLSX, JSON or PFIF 1.4, as an organisation sees it.")
public class ExportCommand implements Callable<Integer> {

    @Option(names = "--format", required = true, paramLabel = "F", description = "csv, xlsx, json or pfif.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (replaced).")
    Path out;

    @Option(names = "--organisation", required = true, paramLabel = "CODE",
            description = "The organisation whose view is exported: exactly the persons and facts its users read.")
    String organisation;

    @Option(names = "--filter", paramLabel = "NAME=VALUE",
            description = "A filter or the order of GET /api/v1/persons (q, holdingParty, powerOfOrigin, status, "
                    + "category, branch, rankGroup, capturedFrom, capturedTo, wishStatus, sort); repeatable.")
    Map<String, String> filters = new LinkedHashMap<>();

    @CommandLine.Mixin
    UserCommand.DatabaseOptions database = new UserCommand.DatabaseOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        if (filters.containsKey("format")) {
            throw new CommandLine.ParameterException(commandLine, "give the format with --format, not --filter");
        }
        return OfflineContext.run(commandLine, database.dataDir, context -> {
            ExportService exports = context.getBean(ExportService.class);
            Map<String, String> parameters = new LinkedHashMap<>(filters);
            parameters.put("format", format);
            try {
                Caller caller = exports.operatorReadingAs(organisation);
                ExportService.ExportRequest request = exports.read(parameters, NameCollation.ROOT);
                ExportService.Export export = exports.begin(caller, request);
                try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                    exports.write(export, file);
                }
                commandLine.getOut().println("exported " + export.count() + " persons as " + organisation
                        + " sees them to " + out + " (" + ExportFormat.of(format).orElseThrow().parameter() + ")");
                return 0;
            } catch (InvalidInputException e) {
                for (FieldError error : e.errors()) {
                    commandLine.getErr().println("parley: " + error.field() + ": " + error.reason());
                }
                return 1;
            } catch (IOException e) {
                commandLine.getErr().println("parley: could not write " + out + ": " + e.getMessage());
                return 1;
            }
        });
    }
}
