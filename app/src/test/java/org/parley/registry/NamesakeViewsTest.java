package org.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.parley.names.Level;
import org.parley.names.Standard;

/** Every way two facts can agree, and every transliteration standard, is said in words in every language. */
class NamesakeViewsTest {

    @Test
    void everyLevelAndStandardHasATextInEveryLanguage() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_uk.properties", "messages_ru.properties")) {
            Properties messages = new Properties();
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (Level level : Level.values()) {
                if (level != Level.MISSING) {
                    assertThat(messages.getProperty("duplicate.level." + NamesakeViews.kind(level)))
                            .as(bundle + ": " + level).isNotBlank();
                }
            }
            for (Standard standard : Standard.values()) {
                assertThat(messages.getProperty("duplicate.standard." + standard.name())).as(bundle + ": " + standard)
                        .isNotBlank();
            }
        }
        assertThat(NamesakeViews.kind(Level.SURNAME_SAME)).isEqualTo(NamesakeViews.kind(Level.DATE_SAME))
                .isEqualTo("SAME");
        assertThat(NamesakeViews.kind(Level.GIVEN_NAME_EQUIVALENT)).isEqualTo("EQUIVALENT");
    }
}
