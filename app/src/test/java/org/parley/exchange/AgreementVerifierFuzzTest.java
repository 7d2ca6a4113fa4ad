package org.parley.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for {@code parley audit verify-document} on agreement documents: whatever the file holds, the verifier
 * answers with its problems, or says the text is not a JSON object — it never fails otherwise.
 */
class AgreementVerifierFuzzTest {

    @FuzzTest
    void anyDocumentIsVerifiedOrCalledUnreadable(String text) {
        if (text == null) {
            return;
        }
        try {
            AgreementVerifier.Result result = AgreementVerifier.verify(text);
            assertThat(result.ok() || !result.problems().isEmpty()).isTrue();
        } catch (AgreementVerifier.UnreadableDocumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
