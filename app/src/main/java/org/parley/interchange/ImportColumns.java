package org.parley.interchange;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.parley.registry.PersonField;

/**
 * The columns of an imported file: the person's fields in snake_case (the JSON names of {@link PersonField} with
 * underscores: {@code surname}, {@code date_of_birth}, {@code holding_party}…), guessed from the header in English,
 * Ukrainian or Russian ("Прізвище", "Фамилия", "Дата народження", "DOB", "№ военнопленного"…), or given by a mapping
 * file ({@code {"columns": {"header as in the file": "field"}}}). Headers are compared without case, spaces,
 * punctuation or apostrophes (Ім'я, Імʼя and ІМЯ are one), ё as е.
 */
public final class ImportColumns {

    /** The fields a person's row may have, in the order of the record. */
    public static final List<String> PERSON_FIELDS = Arrays.stream(PersonField.values())
            .map(ImportColumns::snake).toList();

    /** The fields an event's row may have. */
    public static final List<String> EVENT_FIELDS = List.of("prisoner_number", "type", "occurred_on", "place", "note");

    private static final Map<String, PersonField> BY_SNAKE_NAME = new HashMap<>();
    private static final Map<String, String> PERSON_HEADERS = new HashMap<>();
    private static final Map<String, String> EVENT_HEADERS = new HashMap<>();

    static {
        Arrays.stream(PersonField.values()).forEach(f -> BY_SNAKE_NAME.put(snake(f), f));
        PERSON_FIELDS.forEach(field -> PERSON_HEADERS.put(normalise(field), field));
        Arrays.stream(PersonField.values()).forEach(f -> PERSON_HEADERS.put(normalise(f.jsonName()), snake(f)));
        person("surname", "last name", "family name", "прізвище", "фамилия", "призвище");
        person("given_name", "first name", "forename", "name", "ім'я", "имя", "імя");
        person("patronymic", "middle name", "patronym", "по батькові", "по-батькові", "отчество");
        person("father_name", "father's name", "ім'я батька", "имя отца");
        person("mother_maiden_name", "mother's maiden name", "дівоче прізвище матері", "девичья фамилия матери");
        person("sex", "gender", "стать", "пол");
        person("date_of_birth", "DOB", "birth date", "born", "дата народження", "дата рождения", "д.н.", "д.р.");
        person("place_of_birth", "birth place", "POB", "місце народження", "место рождения");
        person("category", "категорія", "категория");
        person("branch", "service branch", "вид збройних сил", "вид вооруженных сил", "рід військ", "род войск");
        person("rank", "military rank", "звання", "звание", "військове звання", "воинское звание");
        person("rank_group", "група звань", "группа званий");
        person("unit", "military unit", "військова частина", "воинская часть", "в/ч", "частина", "часть",
                "підрозділ", "подразделение");
        person("service_number", "serial number", "army number", "personal number", "особистий номер",
                "особовий номер", "личный номер", "номер жетона", "жетон");
        person("capture_date", "date of capture", "captured", "captured on", "дата полонення", "дата пленения",
                "дата захоплення");
        person("capture_place", "place of capture", "captured at", "місце полонення", "место пленения",
                "місце захоплення");
        person("capturing_unit", "підрозділ, що полонив", "подразделение, взявшее в плен");
        person("internment_place", "camp", "place of internment", "місце утримання", "место содержания", "табір",
                "лагерь");
        person("prisoner_number", "POW number", "POW no", "prisoner no", "номер",
                "номер військовополоненого", "№ військовополоненого", "номер военнопленного", "№ военнопленного");
        person("health_state", "health", "state of health", "стан здоров'я", "состояние здоровья");
        person("seriously_ill_or_wounded", "seriously wounded", "тяжко поранений", "тяжелораненый");
        person("health_notes", "medical notes", "примітки щодо здоров'я", "медицинские примечания");
        person("next_of_kin_name", "next of kin", "найближчий родич", "ближайший родственник");
        person("next_of_kin_relationship", "relationship", "ступінь спорідненості", "степень родства");
        person("family_address", "address", "home address", "адреса", "адрес", "адреса родини", "адрес семьи");
        person("name_language", "language", "мова", "язык");
        person("power_of_origin", "country of origin", "power on which the prisoner depends");
        person("holding_party", "detaining power");
        EVENT_FIELDS.forEach(field -> EVENT_HEADERS.put(normalise(field), field));
        event("prisoner_number", PERSON_HEADERS.entrySet().stream()
                .filter(e -> e.getValue().equals("prisoner_number")).map(Map.Entry::getKey).toArray(String[]::new));
        event("type", "event", "event type", "подія", "событие", "тип");
        event("occurred_on", "date", "дата", "дата події", "дата события", "occurred");
        event("place", "місце", "место");
        event("note", "notes", "comment", "примітка", "примечание", "коментар", "комментарий");
    }

    private ImportColumns() {
    }

    /** A field's snake_case name: {@code dateOfBirth} → {@code date_of_birth}. */
    public static String snake(PersonField field) {
        return field.jsonName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    /** The field of a snake_case name, if it is one. */
    public static PersonField field(String snakeName) {
        return BY_SNAKE_NAME.get(snakeName);
    }

    /** Guesses the person's field of each column; a field is taken by the first column that names it. */
    public static ImportMapping guess(List<String> header) {
        return guess(header, PERSON_HEADERS);
    }

    /** Guesses the columns of an events sheet or file. */
    public static ImportMapping guessEvents(List<String> header) {
        return guess(header, EVENT_HEADERS);
    }

    /** How many columns of this row name a person's field: a header has at least two. */
    static int recognised(List<String> row, boolean events) {
        Map<String, String> known = events ? EVENT_HEADERS : PERSON_HEADERS;
        return (int) row.stream().filter(cell -> known.containsKey(normalise(cell))).distinct().count();
    }

    /**
     * The mapping a mapping file gives (header as in the file → field). Headers are matched exactly, then without
     * case and spaces; columns it does not name are not imported.
     *
     * @throws ImportFileException naming a field that is not one, a header the file does not have, or a field given
     *     twice
     */
    public static ImportMapping fromColumns(List<String> header, Map<String, String> columns, boolean events) {
        List<String> known = events ? EVENT_FIELDS : PERSON_FIELDS;
        Map<Integer, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : columns.entrySet()) {
            String field = entry.getValue();
            if (!known.contains(field)) {
                throw new ImportFileException("mapping: \"" + entry.getKey() + "\" maps to \"" + field
                        + "\", which is not a field; the fields are " + String.join(", ", known));
            }
            int index = header.indexOf(entry.getKey());
            for (int i = 0; index < 0 && i < header.size(); i++) {
                if (normalise(header.get(i)).equals(normalise(entry.getKey()))) {
                    index = i;
                }
            }
            if (index < 0) {
                throw new ImportFileException("mapping: the file has no column \"" + entry.getKey() + "\"; its "
                        + "columns are " + String.join(", ", header.stream().map(h -> "\"" + h + "\"").toList()));
            }
            if (fields.containsValue(field)) {
                throw new ImportFileException("mapping: two columns map to " + field);
            }
            fields.put(index, field);
        }
        return new ImportMapping(header, fields, unmapped(header, fields));
    }

    private static ImportMapping guess(List<String> header, Map<String, String> known) {
        Map<Integer, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String field = known.get(normalise(header.get(i)));
            if (field != null && !fields.containsValue(field)) {
                fields.put(i, field);
            }
        }
        return new ImportMapping(header, fields, unmapped(header, fields));
    }

    private static List<String> unmapped(List<String> header, Map<Integer, String> fields) {
        List<String> unmapped = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!fields.containsKey(i) && !header.get(i).isBlank()) {
                unmapped.add(header.get(i));
            }
        }
        return unmapped;
    }

    private static void person(String field, String... headers) {
        Stream.of(headers).forEach(h -> PERSON_HEADERS.put(normalise(h), field));
    }

    private static void event(String field, String... headers) {
        Stream.of(headers).forEach(h -> EVENT_HEADERS.put(normalise(h), field));
    }

    /** Without case, spaces, punctuation and apostrophes; ё as е (and № as no, as NFKC writes it). */
    static String normalise(String header) {
        String text = Normalizer.normalize(header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('ё', 'е');
        StringBuilder kept = new StringBuilder(text.length());
        // the apostrophe of Ukrainian (Ім'я, Імʼя, Ім’я) is a modifier letter in Unicode, so it is named here
        text.codePoints().filter(cp -> Character.isLetterOrDigit(cp) && cp != 0x02BC && cp != 0x02BB)
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
