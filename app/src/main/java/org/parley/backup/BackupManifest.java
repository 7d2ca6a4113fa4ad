package org.parley.backup;

import java.util.List;

/**
 * The {@code manifest.json} entry of a backup file (docs/backup/format.md): what the snapshot holds and the figures
 * a restore checks it against.
 *
 * @param format always {@link #FORMAT}; a file without it is not a Parley backup
 * @param formatVersion the version of this layout, {@link #FORMAT_VERSION}
 * @param parleyVersion the version of the jar that wrote it ("development build" outside a packaged jar)
 * @param flywayVersion the schema version of the database (its latest applied migration)
 * @param createdAt when the snapshot was taken (ISO-8601 UTC, the database's clock)
 * @param tables every table of the application schema, in the order of their entries
 * @param sequences every sequence's value at the snapshot
 * @param checkpoint the latest signed audit checkpoint in the snapshot, or null if none was signed yet
 * @param publicKey the instance's audit public key (PEM), or null when the backup was made without its key file
 * @param signingKeyIncluded whether the entry {@link #KEY_ENTRY} holds the instance's private signing key
 */
public record BackupManifest(String format, int formatVersion, String parleyVersion, String flywayVersion,
        String createdAt, List<Table> tables, List<Sequence> sequences, SignedCheckpoint checkpoint, String publicKey,
        boolean signingKeyIncluded) {

    public static final String FORMAT = "parley-backup";
    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST_ENTRY = "manifest.json";
    public static final String KEY_ENTRY = "audit-ed25519.key";

    /**
     * One table: its entry holds the output of {@code COPY table TO STDOUT (FORMAT binary)}, {@code rows} rows whose
     * bytes (uncompressed) have the SHA-256 {@code sha256} (hex).
     */
    public record Table(String name, String entry, long rows, String sha256) {
    }

    /** A sequence's state: {@code setval(name, lastValue, isCalled)} brings it back. */
    public record Sequence(String name, long lastValue, boolean isCalled) {
    }

    /**
     * A signed tree head of the audit log (the row of {@code audit_checkpoint}; root and signature Base64), and its
     * C2SP signed note when the public key was known.
     */
    public record SignedCheckpoint(long treeSize, String rootHash, String signedAt, String signature, String note) {
    }
}
