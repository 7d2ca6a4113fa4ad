package org.parley.print;

import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What every printed document's endpoint shares: the language it is printed in, and the answer that carries it. */
public final class PrintedDocuments {

    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("uk"),
            Locale.forLanguageTag("ru"));

    private PrintedDocuments() {
    }

    /** The language an API client asks a print in (its Accept-Language), English when none of ours fits. */
    public static Locale language(String acceptLanguage) {
        try {
            Locale found = acceptLanguage == null ? null
                    : Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
            return found == null ? Locale.ENGLISH : found;
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
    }

    /** A PDF as a file to keep. */
    public static ResponseEntity<byte[]> pdf(byte[] document, String filename) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(document);
    }
}
