package org.parley.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.parley.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every action and record type in the log (the demo world's, and whatever the tests before wrote) is one the audit
 * page knows, with words in English, Ukrainian and Russian; a code it does not know is shown as it is.
 */
@ParleyTest
class AuditWordsTest {

    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("uk"),
            Locale.forLanguageTag("ru"));

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditWords words;
    @Autowired
    MessageSource messages;

    @Test
    void everyCodeInTheLogIsKnown() {
        List<String> actions = jdbc.sql("select distinct action from audit_entry").query(String.class).list();
        List<String> recordTypes = jdbc.sql("select distinct record_type from audit_entry").query(String.class).list();
        assertThat(actions).contains("BULK_LOAD", "USER_CREATE", "OPEN_EXCHANGE", "EXECUTE_EXCHANGE");
        assertThat(AuditWords.ACTIONS).containsAll(actions);
        assertThat(AuditWords.RECORD_TYPES).containsAll(recordTypes);
    }

    @Test
    void everyKnownCodeHasWordsInEveryLanguage() {
        for (Locale language : LANGUAGES) {
            for (String action : AuditWords.ACTIONS) {
                assertThat(messages.getMessage(AuditWords.actionKey(action), null, null, language))
                        .as(action + " in " + language).isNotBlank().isNotEqualTo(action);
            }
            for (String recordType : AuditWords.RECORD_TYPES) {
                assertThat(messages.getMessage(AuditWords.recordTypeKey(recordType), null, null, language))
                        .as(recordType + " in " + language).isNotBlank();
            }
        }
        Locale uk = Locale.forLanguageTag("uk");
        assertThat(words.action("CREATE", "person", uk)).isEqualTo("Особу зареєстровано");
        assertThat(words.action("CREATE", "organisation", Locale.forLanguageTag("ru")))
                .isEqualTo("Организация добавлена");
        assertThat(words.recordType("origin change", Locale.ENGLISH)).isEqualTo("Change of the power of origin");
    }

    @Test
    void anUnknownCodeIsShownAsItIs() {
        assertThat(words.action("LAUNCH_ROCKET", "person", Locale.ENGLISH)).isEqualTo("LAUNCH_ROCKET");
        assertThat(words.recordType("rocket", Locale.forLanguageTag("uk"))).isEqualTo("rocket");
    }
}
