package org.parley.interchange;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes uploaded import files ({@code parley-import-*.upload} in the temporary directory) older than a day. Web
 * sessions live in the database and end there without telling the instance (README "Configuration"), so the files
 * that a session's waiting uploads held are found here instead; an import that took its files over deletes them
 * itself when it ends. Each instance sweeps its own temporary directory.
 */
@Component
@ConditionalOnWebApplication
class ImportUploadSweep {

    static final Duration KEPT = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(ImportUploadSweep.class);

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void sweep() {
        Instant before = Instant.now().minus(KEPT);
        Path directory = Path.of(System.getProperty("java.io.tmpdir"));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "parley-import-*.upload")) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                    ImportPageUploads.delete(file);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not sweep old import uploads in {}: {}", directory, e.getMessage());
        }
    }
}
