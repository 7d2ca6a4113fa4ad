package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormulaNeutraliserTest {

    @Test
    void quotesEveryCellThatBeginsLikeAFormula() {
        assertThat(FormulaNeutraliser.neutralise("=HYPERLINK(\"http://x\",\"click\")"))
                .isEqualTo("'=HYPERLINK(\"http://x\",\"click\")");
        assertThat(FormulaNeutraliser.neutralise("+SUM(A1:A9)")).isEqualTo("'+SUM(A1:A9)");
        assertThat(FormulaNeutraliser.neutralise("-2+3")).isEqualTo("'-2+3");
        assertThat(FormulaNeutraliser.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(FormulaNeutraliser.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(FormulaNeutraliser.neutralise("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void leavesEveryOtherValueAsWritten() {
        assertThat(FormulaNeutraliser.neutralise("Коваленко")).isEqualTo("Коваленко");
        assertThat(FormulaNeutraliser.neutralise("Дем'ян")).isEqualTo("Дем'ян");
        assertThat(FormulaNeutraliser.neutralise("'quoted")).isEqualTo("'quoted");
        assertThat(FormulaNeutraliser.neutralise("Kovalenko-Shevchuk = same")).isEqualTo("Kovalenko-Shevchuk = same");
        assertThat(FormulaNeutraliser.neutralise(" =1")).isEqualTo(" =1");
        assertThat(FormulaNeutraliser.neutralise("")).isEmpty();
        assertThat(FormulaNeutraliser.neutralise(null)).isNull();
    }
}
