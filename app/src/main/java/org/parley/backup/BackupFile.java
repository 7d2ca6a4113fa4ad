package org.parley.backup;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** A backup file opened for reading: its manifest, checked to be a Parley backup, and its entries. */
public final class BackupFile implements Closeable {

    private final Path path;
    private final ZipFile zip;
    private final BackupManifest manifest;

    private BackupFile(Path path, ZipFile zip, BackupManifest manifest) {
        this.path = path;
        this.zip = zip;
        this.manifest = manifest;
    }

    /** Opens a backup; a missing, unreadable, truncated or foreign file is a {@link BackupException} saying which. */
    public static BackupFile open(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new BackupException("Cannot read the backup " + path + ": no such file");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException e) {
            // the zip directory is at the end of the file: a truncated backup has none
            throw new BackupException(path + " is not a Parley backup, or it is truncated (" + e.getMessage() + ")",
                    e);
        } catch (NoSuchFileException e) {
            throw new BackupException("Cannot read the backup " + path + ": no such file", e);
        } catch (IOException e) {
            throw new BackupException("Cannot read the backup " + path + ": " + e.getMessage(), e);
        }
        try {
            ZipEntry entry = zip.getEntry(BackupManifest.MANIFEST_ENTRY);
            if (entry == null) {
                throw new BackupException(path + " is not a Parley backup: it has no " + BackupManifest.MANIFEST_ENTRY);
            }
            byte[] json;
            try (InputStream in = zip.getInputStream(entry)) {
                json = in.readAllBytes();
            }
            BackupManifest manifest = ManifestJson.read(json, path.toString());
            for (BackupManifest.Table table : manifest.tables()) {
                if (zip.getEntry(table.entry()) == null) {
                    throw new BackupException(path + " is incomplete: the entry of table " + table.name() + " ("
                            + table.entry() + ") is missing");
                }
            }
            return new BackupFile(path, zip, manifest);
        } catch (IOException | RuntimeException e) {
            try {
                zip.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof BackupException backup) {
                throw backup;
            }
            throw new BackupException(path + " is damaged: its " + BackupManifest.MANIFEST_ENTRY + " cannot be read ("
                    + e.getMessage() + ")", e);
        }
    }

    public BackupManifest manifest() {
        return manifest;
    }

    /** The COPY data of a table of the manifest. */
    InputStream table(BackupManifest.Table table) throws IOException {
        return zip.getInputStream(zip.getEntry(table.entry()));
    }

    /** The instance's private key file, if the backup was made with it. */
    public Optional<byte[]> signingKey() {
        ZipEntry entry = zip.getEntry(BackupManifest.KEY_ENTRY);
        if (!manifest.signingKeyIncluded() || entry == null) {
            return Optional.empty();
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new BackupException(path + " is damaged: its " + BackupManifest.KEY_ENTRY + " cannot be read ("
                    + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
