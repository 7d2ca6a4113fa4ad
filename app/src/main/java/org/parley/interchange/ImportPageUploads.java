package org.parley.interchange;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.util.WebUtils;

/**
 * The files a user uploaded on the import page and has not imported yet, kept in their session: a file is mapped
 * and previewed over several requests before the import takes it over. The files are deleted when the session ends
 * (logout, expiry) and, past {@value #MAX_UPLOADS} waiting uploads, the oldest goes.
 */
final class ImportPageUploads implements HttpSessionBindingListener {

    static final int MAX_UPLOADS = 5;
    private static final String ATTRIBUTE = ImportPageUploads.class.getName();

    private final Map<String, ImportPageUpload> uploads = new LinkedHashMap<>();

    static ImportPageUploads of(HttpSession session) {
        synchronized (WebUtils.getSessionMutex(session)) {
            ImportPageUploads uploads = (ImportPageUploads) session.getAttribute(ATTRIBUTE);
            if (uploads == null) {
                uploads = new ImportPageUploads();
                session.setAttribute(ATTRIBUTE, uploads);
            }
            return uploads;
        }
    }

    synchronized void add(ImportPageUpload upload) {
        uploads.put(upload.token(), upload);
        while (uploads.size() > MAX_UPLOADS) {
            delete(uploads.remove(uploads.keySet().iterator().next()));
        }
    }

    synchronized Optional<ImportPageUpload> get(String token) {
        return Optional.ofNullable(uploads.get(token));
    }

    synchronized void replace(ImportPageUpload upload) {
        uploads.replace(upload.token(), upload);
    }

    /** Takes the upload out (its files now belong to whoever took it). */
    synchronized Optional<ImportPageUpload> take(String token) {
        return Optional.ofNullable(uploads.remove(token));
    }

    @Override
    public synchronized void valueUnbound(HttpSessionBindingEvent event) {
        uploads.values().forEach(ImportPageUploads::delete);
        uploads.clear();
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
