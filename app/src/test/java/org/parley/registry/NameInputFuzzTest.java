package org.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.UnicodeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ApiClient.Response;
import org.parley.ParleyTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Name input over every Unicode general category: code points sampled from each category (fixed seed, so a failure
 * repeats) are sent inside, before or after a name, in one of the name fields. Each must be stored exactly as sent,
 * stripped as the README documents, or refused with 400 naming the field and the character: never stored altered,
 * never a server error. The expected outcome follows the README's rules, not the server's code.
 */
@ParleyTest
class NameInputFuzzTest {

    private static final long SEED = 20261130;
    private static final int PER_CATEGORY = 6;
    private static final List<String> NAME_FIELDS = List.of("surname", "givenName", "patronymic", "fatherName",
            "motherMaidenName", "nextOfKinName");
    /** Characters the README names one by one, sampled in addition to the categories. */
    private static final int[] NAMED = {0x200B, 0x00AD, 0x2060, 0xFEFF, 0x202E, 0x2066, 0x200C, 0x200D, 0x200E,
            0x061C, 0xE0041, 0xE007F, 0xFDD0, 0xFFFF, 0x2028, 0x2029, 0x0000, 0x009B, 0xD800, 0xDFFF, 0xE000, 0x0378};

    /** Removed anywhere in a name. */
    private static final Set<Integer> STRIPPED_INSIDE_NAMES = Set.of(0x200B, 0x00AD, 0x2060);

    @LocalServerPort
    int port;

    private enum Outcome { KEPT, STRIPPED, REFUSED }

    private enum Place { INSIDE, BEFORE, AFTER }

    /** What the README promises for a character at a place in a name. */
    private static Outcome expected(int cp, Place place) {
        boolean atAnEnd = place != Place.INSIDE;
        if (atAnEnd && (UCharacter.hasBinaryProperty(cp, UProperty.WHITE_SPACE) || cp == 0xFEFF)
                || STRIPPED_INSIDE_NAMES.contains(cp)) {
            return Outcome.STRIPPED;
        }
        return switch (UCharacter.getType(cp)) {
            case UCharacterCategory.CONTROL, UCharacterCategory.SURROGATE, UCharacterCategory.PRIVATE_USE,
                    UCharacterCategory.UNASSIGNED, UCharacterCategory.LINE_SEPARATOR,
                    UCharacterCategory.PARAGRAPH_SEPARATOR -> Outcome.REFUSED;
            case UCharacterCategory.FORMAT -> (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
                    || cp == 0xFEFF || (cp >= 0xE0000 && cp <= 0xE007F) || (cp >= 0x206A && cp <= 0x206F)
                    || (cp >= 0xFFF9 && cp <= 0xFFFB) ? Outcome.REFUSED : Outcome.KEPT;
            default -> Outcome.KEPT;
        };
    }

    /** A JSON string literal that spells every UTF-16 unit as an escape, so that lone surrogates travel too. */
    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().forEach(c -> out.append(String.format("\\u%04X", c)));
        return out.append('"').toString();
    }

    private static String hex(int cp) {
        return "U+" + String.format("%04X", cp).toUpperCase(Locale.ROOT);
    }

    @Test
    void everyGeneralCategoryIsKeptStrippedOrRefusedNamingTheFieldAndTheCharacter() {
        ApiClient api = new ApiClient(port).as("registrar@party-a");
        Random random = new Random(SEED);
        List<Integer> samples = new ArrayList<>();
        for (int category = 0; category < UCharacterCategory.CHAR_CATEGORY_COUNT; category++) {
            UnicodeSet members = new UnicodeSet().applyIntPropertyValue(UProperty.GENERAL_CATEGORY, category);
            assertThat(members.isEmpty()).as("category " + category).isFalse();
            for (int i = 0; i < PER_CATEGORY; i++) {
                samples.add(members.charAt(random.nextInt(members.size())));
            }
        }
        for (int cp : NAMED) {
            samples.add(cp);
        }
        long before = api.get("/api/v1/persons?size=1").json().get("total").asLong();
        int stored = 0;
        int refused = 0;
        for (int cp : samples) {
            Place place = Place.values()[random.nextInt(Place.values().length)];
            String field = NAME_FIELDS.get(random.nextInt(NAME_FIELDS.size()));
            String character = new StringBuilder().appendCodePoint(cp).toString();
            String sent = switch (place) {
                case INSIDE -> "Тест" + character + "ович";
                case BEFORE -> character + "Тестович";
                case AFTER -> "Тестович" + character;
            };
            String body = "{\"holdingParty\": \"party-a\", \"surname\": "
                    + jsonString(field.equals("surname") ? sent : "Фазтест")
                    + (field.equals("surname") ? "" : ", \"" + field + "\": " + jsonString(sent)) + "}";
            String what = hex(cp) + " (" + UCharacter.getPropertyValueName(UProperty.GENERAL_CATEGORY,
                    UCharacter.getType(cp), UProperty.NameChoice.SHORT) + ") " + place + " " + field;
            Response response = api.post("/api/v1/persons", body);
            assertThat(response.status()).as(what + ": " + response.body()).isIn(201, 400);
            Outcome outcome = expected(cp, place);
            if (response.status() == 400) {
                refused++;
                assertThat(outcome).as(what + " was refused: " + response.body()).isEqualTo(Outcome.REFUSED);
                JsonNode errors = response.json().get("errors");
                assertThat(errors).as(what).hasSize(1);
                assertThat(errors.get(0).get("field").stringValue()).as(what).isEqualTo(field);
                assertThat(errors.get(0).get("reason").stringValue()).as(what).startsWith("contains " + hex(cp))
                        .contains("at character");
                continue;
            }
            stored++;
            assertThat(outcome).as(what + " was accepted: " + response.body()).isNotEqualTo(Outcome.REFUSED);
            String expectedText = outcome == Outcome.STRIPPED ? sent.replace(character, "") : sent;
            JsonNode read = api.get("/api/v1/persons/" + response.json().get("id").asString()).json();
            assertThat(read.get(field).stringValue()).as(what).isEqualTo(expectedText);
            assertThat(read).as(what).isEqualTo(response.json());
        }
        assertThat(stored).isPositive();
        assertThat(refused).isPositive();
        assertThat(api.get("/api/v1/persons?size=1").json().get("total").asLong()).as("only accepted names stored")
                .isEqualTo(before + stored);
    }
}
