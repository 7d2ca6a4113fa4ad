package org.parley.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.names.Language;
import org.parley.names.Script;
import org.parley.registry.Person;
import org.parley.registry.PersonField;
import org.parley.registry.PersonInput;
import org.parley.registry.Status;

/** The Latin spelling an exchange list freezes: under the standard of the language the names are written in. */
class ExchangeListIdentityTest {

    private static final Map<String, Language> ORIGINS = Map.of("party-a", Language.UKRAINIAN, "party-b",
            Language.RUSSIAN);

    private static Person person(String surname, String given, String patronymic, String nameLanguage) {
        Map<PersonField, Object> facts = new EnumMap<>(PersonField.class);
        facts.put(PersonField.SURNAME, surname);
        facts.put(PersonField.GIVEN_NAME, given);
        facts.put(PersonField.PATRONYMIC, patronymic);
        facts.put(PersonField.HOLDING_PARTY, "party-b");
        facts.put(PersonField.POWER_OF_ORIGIN, "party-a");
        if (nameLanguage != null) {
            facts.put(PersonField.NAME_LANGUAGE, nameLanguage);
        }
        return new Person(1, "p", 1, new PersonInput(facts, Map.of()), Status.INTERNED, null, Script.CYRILLIC,
                Instant.EPOCH, Instant.EPOCH, Set.of(), Set.of(), null);
    }

    @Test
    void aNameTheHolderWroteInRussianIsSpelledUnderIcaoThoughItsPowerOfOriginIsUkrainian() {
        // the letters of Олейник Александр Игоревич do not tell the language
        assertThat(ExchangeListService.identity(person("Олейник", "Александр", "Игоревич", "ru"), ORIGINS).latin())
                .isEqualTo("Oleinik Aleksandr Igorevich");
        assertThat(ExchangeListService.identity(person("Олейник", "Александр", "Игоревич", null), ORIGINS).latin())
                .as("without nameLanguage, the power of origin's language").isEqualTo("Oleinyk Aleksandr Yhorevych");
        assertThat(ExchangeListService.identity(person("Коваленко", "Олександр", "Іванович", "ru"), ORIGINS).latin())
                .as("letters that tell come first").isEqualTo("Kovalenko Oleksandr Ivanovych");
    }
}
