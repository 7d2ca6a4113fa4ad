package org.parley.interchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parley.registry.Person;
import org.parley.registry.PersonField;
import org.parley.web.PersonNames;

/**
 * The columns of a CSV or XLSX export, in order: {@code id} (the public id), {@code status}, every fact of the person
 * under its snake_case name — the names an import reads — then the official Latin spelling of the three names
 * ({@code surname_latin}, {@code given_name_latin}, {@code patronymic_latin}) and {@code withheld}, the facts the
 * reader's organisation does not receive (their cells are empty, which otherwise means "not recorded").
 */
final class ExportColumns {

    /** A column: its heading and its value for a person (null when empty). */
    record Column(String header, Function<Person, Object> value) {
    }

    private ExportColumns() {
    }

    /** {@code dateOfBirth} → {@code date_of_birth}. */
    static String snakeCase(String jsonName) {
        return jsonName.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    static List<Column> all(PersonNames names) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("id", Person::publicId));
        columns.add(new Column("status", p -> p.status().name()));
        for (PersonField field : PersonField.values()) {
            columns.add(new Column(snakeCase(field.jsonName()), p -> value(p.get(field))));
        }
        for (PersonField name : List.of(PersonField.SURNAME, PersonField.GIVEN_NAME, PersonField.PATRONYMIC)) {
            columns.add(new Column(snakeCase(name.jsonName()) + "_latin", p -> latin(names, p, name)));
        }
        columns.add(new Column("withheld", p -> p.withheld().isEmpty() ? null
                : p.withheld().stream().map(ExportColumns::snakeCase).sorted().collect(Collectors.joining(" "))));
        return List.copyOf(columns);
    }

    /** Enums by their names, partial dates as written ({@code 1990-05}); dates and booleans stay what they are. */
    private static Object value(Object fact) {
        return fact instanceof Enum<?> e ? e.name() : fact;
    }

    /**
     * The official Latin spelling of a name (see {@link PersonNames}); the name itself when it is written in Latin
     * letters already, so that the column is complete for sorting and matching.
     */
    static String latin(PersonNames names, Person person, PersonField field) {
        String name = person.text(field);
        String latin = names.latin(name, person.text(PersonField.NAME_LANGUAGE));
        return latin == null ? name : latin;
    }
}
