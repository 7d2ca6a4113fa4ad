package org.parley.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.ParleyTest;
import org.parley.TestCallers;
import org.parley.access.UserService;
import org.parley.api.Caller;
import org.parley.api.ForbiddenException;
import org.parley.audit.AuditVerifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Imports through the service against the real database: what is stored, what is refused, and what is not. */
@ParleyTest
class ImportServiceTest {

    @Autowired
    ImportService imports;
    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditVerifier verifier;

    private Caller registrar(String party) {
        return TestCallers.of(users, "registrar@" + party);
    }

    private ImportResult run(String party, Path file, Path events, ImportOptions options) {
        return imports.run(registrar(party), file, events, options, (rows, bytes, total) -> { });
    }

    private static ImportOptions options(String party) {
        return new ImportOptions(party, null, null, false, null);
    }

    private long auditEntries() {
        return jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
    }

    private Map<String, Object> person(String prisonerNumber) {
        return jdbc.sql("select p.*, (select count(*) from person_event e where e.person_id = p.id) as events, "
                        + "o.code as origin from person p left join organisation o on o.id = p.power_of_origin_id "
                        + "where prisoner_number = :n").param("n", prisonerNumber).query().singleRow();
    }

    private long persons(String prisonerNumberPrefix) {
        return jdbc.sql("select count(*) from person where prisoner_number like :p").param("p", prisonerNumberPrefix + "%")
                .query(Long.class).single();
    }

    @Test
    void aUkrainianFileWithEveryMessIsImportedAsWrittenAndASecondTimeChangesNothing() {
        long audit = auditEntries();
        ImportOptions options = new ImportOptions("party-a", "party-b", null, false, null);
        Path file = ImportFixtures.file("persons-uk-semicolon-bom.csv");
        ImportResult first = run("party-a", file, null, options);
        assertThat(first.summary()).isEqualTo("imported 3 new, 0 updated, 0 unchanged, 0 rejected");
        assertThat(first.warnings()).extracting(ImportProblem::toString).containsExactly("line 4, surname: "
                + "\"Бондаренкo\" has Latin letters among Cyrillic ones (o at character 10): kept as written");
        Map<String, Object> tkachenko = person("UA-IMP-0001");
        assertThat(tkachenko).containsEntry("surname", "Ткаченко").containsEntry("given_name", "Олексій")
                .containsEntry("date_of_birth", "1991-03-14").containsEntry("sex", "MALE")
                .containsEntry("family_address", "м. Суми,\nвул. Шкільна, 5").containsEntry("origin", "party-b")
                .containsEntry("status", "CAPTURED").containsEntry("events", 1L);
        assertThat(person("UA-IMP-0002")).containsEntry("surname", "Бондаренкo").containsEntry("date_of_birth", "1987");
        assertThat(person("UA-IMP-0003").get("capture_date").toString()).isEqualTo("2024-04-18");
        assertThat(person("UA-IMP-0003")).containsEntry("date_of_birth", "1990-05");
        assertThat(auditEntries()).as("one entry per new person").isEqualTo(audit + 3);
        assertThat(jdbc.sql("select count(*) from person_name_key k join person p on p.id = k.person_id "
                + "where p.prisoner_number like 'UA-IMP-%'").query(Long.class).single()).isPositive();

        ImportResult second = run("party-a", file, null, options);
        assertThat(second.summary()).isEqualTo("imported 0 new, 0 updated, 3 unchanged, 0 rejected");
        assertThat(auditEntries()).isEqualTo(audit + 3);
        assertThat(person("UA-IMP-0001")).containsEntry("version", 1).containsEntry("events", 1L);
    }

    @Test
    void aChangedFileCorrectsOnlyTheChangedPersonsKeepingTheOldValues(@TempDir Path dir) throws IOException {
        Path file = ImportFixtures.file("persons-en-comma.csv");
        Path events = ImportFixtures.file("events-en.csv");
        ImportResult first = run("party-a", file, events, options("party-a"));
        assertThat(first.summary()).isEqualTo("imported 3 new, 0 updated, 0 unchanged, 0 rejected");
        assertThat(first.eventsAdded()).isEqualTo(3);
        assertThat(person("EN-IMP-0001")).containsEntry("status", "INTERNED").containsEntry("internment_place", "Camp 7")
                .containsEntry("unit", "3rd Brigade");
        assertThat(person("EN-IMP-0002")).containsEntry("status", "HOSPITALISED")
                .containsEntry("health_state", "SERIOUSLY_WOUNDED").containsEntry("seriously_ill_or_wounded", true);

        ImportResult again = run("party-a", file, events, options("party-a"));
        assertThat(again.summary()).as("the row without a number is found by its content")
                .isEqualTo("imported 0 new, 0 updated, 3 unchanged, 0 rejected");
        assertThat(again.eventsAdded()).isZero();

        long audit = auditEntries();
        String changed = Files.readString(file).replace("Melnyk,Andrii,1993-07-21,Sergeant",
                "Melnyk,Andrii,1993-07-21,Staff sergeant");
        Path changedFile = ImportFixtures.write(dir, "changed.csv", changed.getBytes(StandardCharsets.UTF_8));
        ImportResult third = run("party-a", changedFile, null, options("party-a"));
        assertThat(third.summary()).isEqualTo("imported 0 new, 1 updated, 2 unchanged, 0 rejected");
        assertThat(auditEntries()).isEqualTo(audit + 1);
        Map<String, Object> melnyk = person("EN-IMP-0001");
        assertThat(melnyk).containsEntry("rank", "Staff sergeant").containsEntry("status", "INTERNED")
                .containsEntry("internment_place", "Camp 7");
        String correction = jdbc.sql("select changes::text from person_event where person_id = :id and type = "
                + "'CORRECTION'").param("id", melnyk.get("id")).query(String.class).single();
        assertThat(correction).isEqualTo("{\"rank\":{\"from\":\"Sergeant\",\"to\":\"Staff sergeant\"}}");
        assertThat(jdbc.sql("select action from audit_entry order by seq desc limit 1").query(String.class).single())
                .isEqualTo("CORRECT");
    }

    @Test
    void aFileWithBadRowsIsRefusedWholeUnlessTheyAreSkipped() {
        Path file = ImportFixtures.file("persons-bad.csv");
        long audit = auditEntries();
        ImportResult refused = run("party-a", file, null, options("party-a"));
        assertThat(refused.refused()).isTrue();
        assertThat(refused.summary()).isEqualTo("imported 0 new, 0 updated, 0 unchanged, 4 rejected");
        assertThat(refused.message()).startsWith("4 rows were rejected, so nothing was stored");
        assertThat(refused.rejected()).extracting(ImportProblem::toString).containsExactly(
                "line 3, date_of_birth: \"31.02.1990\" is not a date",
                "line 4, sex: \"X\" is not one of MALE, FEMALE",
                "line 6, surname: is required (of a new person, and of a row that gives the surname column)",
                "line 7, prisoner_number: \"BAD-IMP-0001\" is also on line 2");
        assertThat(persons("BAD-IMP-")).isZero();
        assertThat(auditEntries()).isEqualTo(audit);

        ImportResult skipped = run("party-a", file, null, new ImportOptions("party-a", null, null, true, null));
        assertThat(skipped.summary()).isEqualTo("imported 2 new, 0 updated, 0 unchanged, 4 rejected");
        assertThat(persons("BAD-IMP-")).isEqualTo(2);
    }

    @Test
    void aWorkbookBringsItsEventsAndAMappingFileItsColumns(@TempDir Path dir) {
        ImportResult workbook = run("party-b", ImportFixtures.workbook(dir, "WB-IMP"), null, options("party-b"));
        assertThat(workbook.summary()).isEqualTo("imported 2 new, 0 updated, 0 unchanged, 0 rejected");
        assertThat(workbook.eventsAdded()).isEqualTo(1);
        assertThat(person("WB-IMP-0001")).containsEntry("surname", "Савченко").containsEntry("date_of_birth", "1992-04-05")
                .containsEntry("status", "INTERNED").containsEntry("internment_place", "Табір 3");
        assertThat(run("party-b", ImportFixtures.workbook(dir, "WB-IMP"), null, options("party-b")).summary())
                .isEqualTo("imported 0 new, 0 updated, 2 unchanged, 0 rejected");

        Map<String, String> columns = imports.readMapping(readFixture("mapping.json"));
        ImportResult mapped = run("party-b", ImportFixtures.file("persons-mapped.csv"), null,
                new ImportOptions("party-b", null, columns, false, null));
        assertThat(mapped.summary()).isEqualTo("imported 1 new, 0 updated, 0 unchanged, 0 rejected");
        assertThat(person("MAP-IMP-0001")).containsEntry("surname", "Лисенко").containsEntry("internment_place", "Табір 1")
                .containsEntry("date_of_birth", "1988-03-03");
        assertThat(run("party-b", ImportFixtures.file("persons-ru-tab.tsv"), null, options("party-b")).summary())
                .isEqualTo("imported 2 new, 0 updated, 0 unchanged, 0 rejected");
        assertThat(person("RU-IMP-0001")).containsEntry("date_of_birth", "1990-05").containsEntry("unit", "в/ч 12345");
    }

    @Test
    void anEventTheLifecycleRefusesRefusesTheWholeFile(@TempDir Path dir) {
        Path persons = ImportFixtures.write(dir, "p.csv", ("surname,prisoner_number\nДовгань,EV-IMP-0001\n")
                .getBytes(StandardCharsets.UTF_8));
        Path events = ImportFixtures.write(dir, "e.csv", ("prisoner_number,type,occurred_on\nEV-IMP-0001,DIED,"
                + "2024-01-02\nEV-IMP-0001,INTERNED,2024-01-03\nEV-IMP-9999,INTERNED,2024-01-03\n")
                .getBytes(StandardCharsets.UTF_8));
        ImportResult refused = run("party-a", persons, events, options("party-a"));
        assertThat(refused.refused()).isTrue();
        assertThat(refused.rejected()).extracting(ImportProblem::toString).containsExactly(
                "line 3, events.type: \"INTERNED\" " + lifecycleRefusal(),
                "line 4, events.prisoner_number: \"EV-IMP-9999\" is not the prisoner number of a person party-a holds");
        assertThat(persons("EV-IMP-")).isZero();
    }

    private String lifecycleRefusal() {
        try {
            org.parley.registry.Lifecycle.apply(new org.parley.registry.Lifecycle.State(
                    org.parley.registry.Status.DIED, java.time.LocalDate.of(2024, 1, 2), null,
                    java.time.LocalDate.of(2024, 1, 2)), org.parley.registry.EventType.INTERNED,
                    java.time.LocalDate.of(2024, 1, 3));
            throw new IllegalStateException("the lifecycle took it");
        } catch (org.parley.registry.InvalidTransitionException e) {
            return e.getMessage();
        }
    }

    @Test
    void onlyARegistrarOfTheHoldingPartyImports() {
        Path file = ImportFixtures.file("persons-ru-tab.tsv");
        for (String user : List.of("viewer@party-a", "registrar@party-b", "registrar@intermediary", "admin@party-a")) {
            assertThatThrownBy(() -> imports.run(TestCallers.of(users, user), file, null, options("party-a"),
                    (r, b, t) -> { })).as(user).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> imports.preview(TestCallers.of(users, user), file, options("party-a")))
                    .as(user).isInstanceOf(ForbiddenException.class);
        }
    }

    @Test
    void aPreviewReadsTheFirstRowsWithTheirProblemsAndStoresNothing() {
        ImportPreview preview = imports.preview(registrar("party-a"), ImportFixtures.file("persons-bad.csv"),
                options("party-a"));
        assertThat(preview.format()).isEqualTo("CSV, UTF-8, separated by ','");
        assertThat(preview.headerLine()).isEqualTo(1);
        assertThat(preview.mapping().fields().values()).containsExactly("surname", "given_name", "date_of_birth",
                "capture_date", "sex", "prisoner_number");
        assertThat(preview.rows()).hasSize(6);
        assertThat(preview.rows().get(1).problems()).extracting(ImportProblem::toString)
                .containsExactly("line 3, date_of_birth: \"31.02.1990\" is not a date");
        assertThat(preview.rows().get(0).values()).containsEntry("surname", "Good").containsEntry("sex", "MALE");
    }

    @Test
    void aHundredThousandRowsImportAndImportAgainUnchanged(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("large.csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Прізвище;Ім'я;По батькові;Дата народження;Номер;Звання\n");
            String[] surnames = {"Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник"};
            String[] names = {"Олександр", "Сергій", "Андрій", "Іван", "Дмитро"};
            for (int i = 0; i < 100_000; i++) {
                out.write(surnames[i % surnames.length] + ";" + names[i % names.length] + ";Петрович;"
                        + String.format("%02d.%02d.%d", 1 + i % 28, 1 + i % 12, 1960 + i % 40) + ";L-IMP-" + i
                        + ";солдат\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long audit = auditEntries();
        List<String> indexes = indexesAndKeys();
        assertThat(run("party-b", file, null, options("party-b")).summary())
                .isEqualTo("imported 100000 new, 0 updated, 0 unchanged, 0 rejected");
        assertThat(auditEntries()).isEqualTo(audit + 100_000);
        assertThat(persons("L-IMP-")).isEqualTo(100_000);
        // as many new persons as the registry held: the indexes were built after the insert, and are all back
        assertThat(indexesAndKeys()).isEqualTo(indexes);
        assertThat(verifier.verify(Optional.empty()).problems()).isEmpty();
        assertThat(run("party-b", file, null, options("party-b")).summary())
                .isEqualTo("imported 0 new, 0 updated, 100000 unchanged, 0 rejected");
        assertThat(auditEntries()).isEqualTo(audit + 100_000);
    }

    /** The definitions of the indexes and foreign keys of the tables a large import fills. */
    private List<String> indexesAndKeys() {
        String tables = "('person'::regclass, 'person_name_key'::regclass, 'person_search_word'::regclass, "
                + "'person_name_pair'::regclass, "
                + "'person_blocking_key'::regclass, 'person_event'::regclass, 'audit_entry'::regclass)";
        return jdbc.sql("select pg_get_indexdef(indexrelid) from pg_index where indrelid in " + tables
                        + " union all select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) "
                        + "from pg_constraint where conrelid in " + tables + " order by 1")
                .query(String.class).list();
    }

    private static String readFixture(String name) {
        try {
            return Files.readString(ImportFixtures.file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
