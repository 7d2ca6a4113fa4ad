package org.parley.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptTest {

    @Test
    void detectsScriptsFromLettersOnly() {
        assertThat(Script.of("Олександр Коваленко")).isEqualTo(Script.CYRILLIC);
        assertThat(Script.of("Oleksandr Kovalenko")).isEqualTo(Script.LATIN);
        assertThat(Script.of("Андрiй")).isEqualTo(Script.MIXED);
        assertThat(Script.of("12-34")).isEqualTo(Script.NONE);
        assertThat(Script.of(null)).isEqualTo(Script.NONE);
        assertThat(Script.of("ომარი")).isEqualTo(Script.OTHER);
        assertThat(Script.CYRILLIC.iso15924()).isEqualTo("Cyrl");
    }
}
