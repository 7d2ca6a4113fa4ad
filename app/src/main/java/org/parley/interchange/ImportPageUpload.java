package org.parley.interchange;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A file uploaded on the import page and not imported yet: where it waits on the server, its name as uploaded, the
 * options chosen on the upload form, the header, and the columns (header as written → field) — proposed (guessed, or
 * remembered) until the registrar confirms them on the mapping screen.
 */
record ImportPageUpload(String token, Path file, Path eventsFile, String fileName, String holdingParty,
        String powerOfOrigin, String encoding, List<String> header, Map<String, String> columns, boolean confirmed) {

    ImportPageUpload withMapping(List<String> header, Map<String, String> columns, boolean confirmed) {
        return new ImportPageUpload(token, file, eventsFile, fileName, holdingParty, powerOfOrigin, encoding,
                List.copyOf(header), Map.copyOf(columns), confirmed);
    }

    ImportOptions options(boolean skipBadRows) {
        return new ImportOptions(holdingParty, powerOfOrigin, columns, skipBadRows, encoding);
    }
}
