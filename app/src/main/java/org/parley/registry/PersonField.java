package org.parley.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parley.api.TextCheck;

/**
 * Every fact a person's record can hold (GC III Art. 17, 70 / Annex IV, 122), with its JSON name, its column,
 * its kind of value and the section of the record it belongs to. The API, the repository, the corrections
 * history and the UI are all driven by this one list.
 */
public enum PersonField {
    HOLDING_PARTY("holdingParty", Kind.PARTY, Section.PARTIES, "holding_party_id"),
    POWER_OF_ORIGIN("powerOfOrigin", Kind.PARTY, Section.PARTIES, "power_of_origin_id"),

    SURNAME("surname", Kind.NAME, Section.IDENTITY),
    GIVEN_NAME("givenName", Kind.NAME, Section.IDENTITY),
    PATRONYMIC("patronymic", Kind.NAME, Section.IDENTITY),
    FATHER_NAME("fatherName", Kind.NAME, Section.IDENTITY),
    NAME_LANGUAGE("nameLanguage", Kind.LANGUAGE, Section.IDENTITY),
    MOTHER_MAIDEN_NAME("motherMaidenName", Kind.NAME, Section.IDENTITY),
    SEX("sex", Kind.enumOf(Sex.class), Section.IDENTITY),
    DATE_OF_BIRTH("dateOfBirth", Kind.PARTIAL_DATE, Section.IDENTITY),
    PLACE_OF_BIRTH("placeOfBirth", Kind.TEXT, Section.IDENTITY),

    CATEGORY("category", Kind.enumOf(Category.class), Section.SERVICE),
    BRANCH("branch", Kind.enumOf(Branch.class), Section.SERVICE),
    RANK("rank", Kind.TEXT, Section.SERVICE),
    RANK_GROUP("rankGroup", Kind.enumOf(RankGroup.class), Section.SERVICE),
    UNIT("unit", Kind.TEXT, Section.SERVICE),
    SERVICE_NUMBER("serviceNumber", Kind.TEXT, Section.SERVICE),

    CAPTURE_DATE("captureDate", Kind.DATE, Section.CAPTURE),
    CAPTURE_PLACE("capturePlace", Kind.TEXT, Section.CAPTURE),
    CAPTURING_UNIT("capturingUnit", Kind.TEXT, Section.CAPTURE),

    INTERNMENT_PLACE("internmentPlace", Kind.TEXT, Section.INTERNMENT),
    PRISONER_NUMBER("prisonerNumber", Kind.TEXT, Section.INTERNMENT),

    HEALTH_STATE("healthState", Kind.enumOf(HealthState.class), Section.HEALTH),
    SERIOUSLY_ILL_OR_WOUNDED("seriouslyIllOrWounded", Kind.BOOLEAN, Section.HEALTH),
    HEALTH_NOTES("healthNotes", Kind.LONG_TEXT, Section.HEALTH),

    NEXT_OF_KIN_NAME("nextOfKinName", Kind.TEXT, Section.FAMILY),
    NEXT_OF_KIN_RELATIONSHIP("nextOfKinRelationship", Kind.TEXT, Section.FAMILY),
    FAMILY_ADDRESS("familyAddress", Kind.LONG_TEXT, Section.FAMILY);

    /** The parts of a record, in the order the UI shows them. */
    public enum Section {
        IDENTITY, SERVICE, CAPTURE, INTERNMENT, HEALTH, FAMILY, PARTIES
    }

    private static final Map<String, PersonField> BY_JSON_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(PersonField::jsonName, Function.identity()));

    private final String jsonName;
    private final Kind kind;
    private final Section section;
    private final String column;

    PersonField(String jsonName, Kind kind, Section section) {
        this(jsonName, kind, section, jsonName.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT));
    }

    PersonField(String jsonName, Kind kind, Section section, String column) {
        this.jsonName = jsonName;
        this.kind = kind;
        this.section = section;
        this.column = column;
    }

    public String jsonName() {
        return jsonName;
    }

    public Kind kind() {
        return kind;
    }

    public Section section() {
        return section;
    }

    /** The message key of the fact's label in the UI, e.g. {@code field.dateOfBirth}. */
    public String messageKey() {
        return "field." + jsonName;
    }

    /** The column of table {@code person}. */
    String column() {
        return column;
    }

    /**
     * How the text of this field is checked (see {@link TextCheck}): the person's names and the next of kin's name
     * as names, notes and addresses as several lines, anything else as one line.
     */
    public TextCheck.Kind textKind() {
        if (kind == Kind.NAME || this == NEXT_OF_KIN_NAME) {
            return TextCheck.Kind.NAME;
        }
        return kind == Kind.LONG_TEXT ? TextCheck.Kind.MULTI_LINE : TextCheck.Kind.LINE;
    }

    public static Optional<PersonField> byJsonName(String name) {
        return Optional.ofNullable(BY_JSON_NAME.get(name));
    }

    /** The kind of value a field holds, with what the API accepts for it. */
    public record Kind(String name, Class<? extends Enum<?>> enumType, int maxLength) {
        static final Kind NAME = new Kind("name", null, 200);
        static final Kind TEXT = new Kind("text", null, 500);
        static final Kind LONG_TEXT = new Kind("text", null, 4000);
        static final Kind LANGUAGE = new Kind("language", null, 35);
        static final Kind PARTIAL_DATE = new Kind("partialDate", null, 10);
        static final Kind DATE = new Kind("date", null, 10);
        static final Kind BOOLEAN = new Kind("boolean", null, 0);
        static final Kind PARTY = new Kind("party", null, 40);

        static Kind enumOf(Class<? extends Enum<?>> type) {
            return new Kind("enum", type, 64);
        }

        public boolean isText() {
            return name.equals("name") || name.equals("text");
        }
    }
}
