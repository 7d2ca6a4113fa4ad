package org.parley.registry;

import com.ibm.icu.text.UnicodeSet;
import com.ibm.icu.text.UnicodeSetIterator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.api.migration.Context;
import org.parley.names.NameNormalizer;
import org.springframework.stereotype.Component;

/**
 * Migration V9: the search keys of persons stored with a format character (Unicode category Cf, such as a zero-width
 * space) inside a name or number. Keys ignore such characters now ({@link org.parley.names.NameNormalizer}),
 * but those written before split the name there, so that {@code Шев\u200bчук} was not found as Шевчук. Only
 * those persons are read (a regular expression of every Cf code point, from ICU), and their keys written again.
 */
@Component
class NameKeysWithoutFormatCharacters extends OnceJavaMigration {

    private static final List<PersonField> SEARCHED = List.of(PersonField.SURNAME, PersonField.GIVEN_NAME,
            PersonField.PATRONYMIC, PersonField.SERVICE_NUMBER, PersonField.PRISONER_NUMBER);

    NameKeysWithoutFormatCharacters() {
        super("9", "search keys of names with format characters");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String anyFormat = formatCharacters();
        try (PreparedStatement select = connection.prepareStatement("select id, surname, given_name, patronymic, "
                        + "service_number, prisoner_number from person where concat_ws(' ', surname, given_name, "
                        + "patronymic, service_number, prisoner_number) ~ ?");
                PreparedStatement searchKey = connection.prepareStatement(
                        "update person set search_key = ? where id = ?");
                PreparedStatement deleteKeys = connection.prepareStatement(
                        "delete from person_name_key where person_id = ?");
                PreparedStatement insertKey = connection.prepareStatement(
                        "insert into person_name_key (person_id, key) values (?, ?) on conflict do nothing")) {
            select.setString(1, anyFormat);
            ResultSet persons = select.executeQuery();
            while (persons.next()) {
                long id = persons.getLong(1);
                Map<PersonField, Object> values = new EnumMap<>(PersonField.class);
                for (int i = 0; i < SEARCHED.size(); i++) {
                    String value = persons.getString(i + 2);
                    if (value != null) {
                        values.put(SEARCHED.get(i), value);
                    }
                }
                PersonInput facts = new PersonInput(values, Map.of());
                searchKey.setString(1, searchKey(facts));
                searchKey.setLong(2, id);
                searchKey.executeUpdate();
                deleteKeys.setLong(1, id);
                deleteKeys.executeUpdate();
                for (String key : NameKeyRepository.keys(facts)) {
                    insertKey.setLong(1, id);
                    insertKey.setString(2, key);
                    insertKey.executeUpdate();
                }
            }
        }
    }

    /** The search text of that time (dropped in V17_1_1): the normalised names, service and prisoner number. */
    private static String searchKey(PersonInput facts) {
        return SEARCHED.stream().map(facts::get).filter(v -> v != null)
                .map(v -> NameNormalizer.normalize(v.toString())).collect(Collectors.joining(" "));
    }

    /** A PostgreSQL bracket expression of every Cf code point, the characters themselves (the database is UTF-8). */
    static String formatCharacters() {
        StringBuilder expression = new StringBuilder("[");
        for (UnicodeSetIterator range = new UnicodeSetIterator(new UnicodeSet("[:Cf:]")); range.nextRange(); ) {
            expression.appendCodePoint(range.codepoint);
            if (range.codepointEnd > range.codepoint) {
                expression.append('-').appendCodePoint(range.codepointEnd);
            }
        }
        return expression.append(']').toString();
    }
}
