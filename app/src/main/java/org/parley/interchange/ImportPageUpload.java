package org.parley.interchange;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A file uploaded on the import page and not imported yet: where it waits on the server, its name as uploaded, the
 * options chosen on the upload form, and the header and columns (header as written → field) of the mapping screen
 * once known.
 */
record ImportPageUpload(String token, Path file, Path eventsFile, String fileName, String holdingParty,
        String powerOfOrigin, String encoding, List<String> header, Map<String, String> columns) {

    ImportPageUpload withMapping(List<String> header, Map<String, String> columns) {
        return new ImportPageUpload(token, file, eventsFile, fileName, holdingParty, powerOfOrigin, encoding,
                List.copyOf(header), Map.copyOf(columns));
    }

    ImportOptions options(boolean skipBadRows) {
        return new ImportOptions(holdingParty, powerOfOrigin, columns, skipBadRows, encoding);
    }
}
