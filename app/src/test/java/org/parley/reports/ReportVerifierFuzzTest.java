package org.parley.reports;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for {@code parley audit verify-document} on frozen reports: a text that calls itself a report is
 * verified — its problems listed — whatever else it holds; nothing is thrown.
 */
class ReportVerifierFuzzTest {

    @FuzzTest
    void anyReportIsVerified(String text) {
        if (text != null && ReportVerifier.isReport(text)) {
            ReportVerifier.verify(text, null, null);
        }
    }
}
