package org.parley.interchange;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A file uploaded on the import page and not imported yet: where it waits on the server, its name as uploaded, the
 * options chosen on the upload form, the header, and the columns (header as written → field) — proposed (guessed, or
 * remembered) until the registrar confirms them on the mapping screen. Serializable, as it lives in the web session
 * (kept in the database: README "Configuration"), hence the files' paths as text.
 */
record ImportPageUpload(String token, String filePath, String eventsFilePath, String fileName, String holdingParty,
        String powerOfOrigin, String encoding, List<String> header, Map<String, String> columns, boolean confirmed)
        implements Serializable {

    ImportPageUpload(String token, Path file, Path eventsFile, String fileName, String holdingParty,
            String powerOfOrigin, String encoding) {
        this(token, file.toString(), eventsFile == null ? null : eventsFile.toString(), fileName, holdingParty,
                powerOfOrigin, encoding, null, null, false);
    }

    Path file() {
        return Path.of(filePath);
    }

    Path eventsFile() {
        return eventsFilePath == null ? null : Path.of(eventsFilePath);
    }

    ImportPageUpload withMapping(List<String> header, Map<String, String> columns, boolean confirmed) {
        return new ImportPageUpload(token, filePath, eventsFilePath, fileName, holdingParty, powerOfOrigin, encoding,
                List.copyOf(header), Map.copyOf(columns), confirmed);
    }

    ImportOptions options(boolean skipBadRows) {
        return new ImportOptions(holdingParty, powerOfOrigin, columns, skipBadRows, encoding);
    }
}
