package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.api.Caller;
import org.parley.api.Role;
import org.parley.registry.PartialDate;
import org.parley.registry.PersonField;
import org.parley.registry.PersonInput;
import org.parley.registry.RegistryService;

/**
 * {@code export} on an embedded database of its own: the file holds what the named organisation reads (its own
 * detainee in full; the other party's only once notified, without the withheld facts), the filters apply, and bad
 * arguments are refused with the parameter named.
 */
class ExportCommandTest extends CommandLineTest {

    @Test
    void exportsTheListAsTheNamedOrganisationReadsIt(@TempDir Path dataDir) throws IOException {
        String dir = dataDir.toString();
        assertThat(run("organisation", "add", "north", "--name", "North", "--kind", "PARTY", "--data-dir", dir))
                .as(err.toString()).isZero();
        assertThat(run("organisation", "add", "south", "--name", "South", "--kind", "PARTY", "--data-dir", dir))
                .as(err.toString()).isZero();
        int setUp = OfflineContext.run(ParleyCommand.commandLine(), dataDir, context -> {
            RegistryService registry = context.getBean(RegistryService.class);
            Caller north = new Caller(0, "registrar@north", "north", false, Set.of(Role.REGISTRAR));
            Caller south = new Caller(0, "registrar@south", "south", false, Set.of(Role.REGISTRAR));
            registry.create(north, person("north", "south", "Бондаренко", "1990-05", "Field 1"));
            registry.create(south, person("south", "north", "=Мельник", "1980", "Field 2"));
            long notified = registry.create(south, person("south", "north", "Ткаченко", "1975-03-02", "Field 3")).id();
            registry.notifyPersons(south, List.of(notified), LocalDate.of(2024, 1, 10));
            return 0;
        });
        assertThat(setUp).isZero();

        Path csv = dataDir.resolve("north.csv");
        assertThat(run("export", "--format", "csv", "--out", csv.toString(), "--organisation", "north",
                "--data-dir", dir)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("exported 2 persons as north sees them to " + csv);
        List<CSVRecord> rows = read(csv);
        assertThat(rows).extracting(r -> r.get("surname")).containsExactly("Бондаренко", "Ткаченко");
        assertThat(rows.get(0).get("capture_place")).isEqualTo("Field 1");
        assertThat(rows.get(0).get("date_of_birth")).isEqualTo("1990-05");
        assertThat(rows.get(1).get("capture_place")).isEmpty();
        assertThat(rows.get(1).get("surname_latin")).isEqualTo("Tkachenko");

        Path southCsv = dataDir.resolve("south.csv");
        assertThat(run("export", "--format", "csv", "--out", southCsv.toString(), "--organisation", "south",
                "--filter", "q=Мельник", "--data-dir", dir)).as(err.toString()).isZero();
        assertThat(read(southCsv)).extracting(r -> r.get("surname")).containsExactly("'=Мельник");

        Path json = dataDir.resolve("north.json");
        assertThat(run("export", "--format", "json", "--out", json.toString(), "--organisation", "north",
                "--filter", "holdingParty=south", "--data-dir", dir)).as(err.toString()).isZero();
        assertThat(Files.readString(json)).contains("Ткаченко").doesNotContain("Мельник", "Field 3")
                .contains("\"total\":1");

        assertThat(run("export", "--format", "docx", "--out", json.toString(), "--organisation", "north",
                "--data-dir", dir)).isEqualTo(1);
        assertThat(err.toString()).contains("parley: format: 'docx' is not a format");
        assertThat(run("export", "--format", "csv", "--out", json.toString(), "--organisation", "west",
                "--data-dir", dir)).isEqualTo(1);
        assertThat(err.toString()).contains("parley: organisation: 'west' is not an organisation; use one of north, "
                + "south");
        assertThat(run("export", "--format", "csv", "--out", json.toString(), "--organisation", "north",
                "--filter", "status=ASLEEP", "--data-dir", dir)).isEqualTo(1);
        assertThat(err.toString()).contains("parley: status:");
        assertThat(run("export", "--format", "csv", "--out", json.toString(), "--data-dir", dir)).isEqualTo(2);
        assertThat(err.toString()).contains("--organisation");
    }

    private static PersonInput person(String holder, String origin, String surname, String born, String place) {
        return new PersonInput(Map.of(PersonField.HOLDING_PARTY, holder, PersonField.POWER_OF_ORIGIN, origin,
                PersonField.SURNAME, surname, PersonField.NAME_LANGUAGE, "uk",
                PersonField.DATE_OF_BIRTH, PartialDate.parse(born), PersonField.CAPTURE_PLACE, place,
                PersonField.CAPTURE_DATE, LocalDate.of(2024, 1, 5)), Map.of());
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (Reader reader = new java.io.StringReader(text.substring(1));
                CSVParser parser = CSVParser.parse(reader, CSVFormat.RFC4180.builder().setHeader()
                        .setSkipHeaderRecord(true).get())) {
            return new ArrayList<>(parser.getRecords());
        }
    }
}
