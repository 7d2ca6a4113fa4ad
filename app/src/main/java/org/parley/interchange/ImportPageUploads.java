package org.parley.interchange;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * The files a user uploaded on the import page and has not imported yet, kept in their session: a file is mapped
 * and previewed over several requests before the import takes it over. Past {@value #MAX_UPLOADS} waiting uploads
 * the oldest goes; files left behind by sessions that ended are deleted by {@link ImportUploadSweep}.
 *
 * <p>The session lives in the database (README "Configuration"), which stores an attribute only when it is set: every
 * change sets the map again. The files themselves wait on the instance that received them.
 */
final class ImportPageUploads {

    static final int MAX_UPLOADS = 5;
    private static final String ATTRIBUTE = ImportPageUploads.class.getName();

    private ImportPageUploads() {
    }

    static void add(HttpSession session, ImportPageUpload upload) {
        LinkedHashMap<String, ImportPageUpload> uploads = uploads(session);
        uploads.put(upload.token(), upload);
        while (uploads.size() > MAX_UPLOADS) {
            delete(uploads.remove(uploads.keySet().iterator().next()));
        }
        session.setAttribute(ATTRIBUTE, uploads);
    }

    static Optional<ImportPageUpload> get(HttpSession session, String token) {
        return Optional.ofNullable(uploads(session).get(token));
    }

    static void replace(HttpSession session, ImportPageUpload upload) {
        LinkedHashMap<String, ImportPageUpload> uploads = uploads(session);
        uploads.replace(upload.token(), upload);
        session.setAttribute(ATTRIBUTE, uploads);
    }

    /** Takes the upload out (its files now belong to whoever took it). */
    static Optional<ImportPageUpload> take(HttpSession session, String token) {
        LinkedHashMap<String, ImportPageUpload> uploads = uploads(session);
        Optional<ImportPageUpload> taken = Optional.ofNullable(uploads.remove(token));
        session.setAttribute(ATTRIBUTE, uploads);
        return taken;
    }

    @SuppressWarnings("unchecked")
    private static LinkedHashMap<String, ImportPageUpload> uploads(HttpSession session) {
        Object kept = session.getAttribute(ATTRIBUTE);
        return kept instanceof LinkedHashMap<?, ?> map ? (LinkedHashMap<String, ImportPageUpload>) map
                : new LinkedHashMap<>();
    }

    static void delete(ImportPageUpload upload) {
        delete(upload.file());
        delete(upload.eventsFile());
    }

    static void delete(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary file: the system's clean-up takes it
        }
    }
}
