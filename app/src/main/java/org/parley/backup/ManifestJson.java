package org.parley.backup;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The manifest as JSON, and back, refusing one that is not of a Parley backup. */
final class ManifestJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ManifestJson() {
    }

    static byte[] write(BackupManifest manifest) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
    }

    static BackupManifest read(byte[] json, String file) {
        BackupManifest manifest;
        try {
            manifest = MAPPER.readValue(json, BackupManifest.class);
        } catch (JacksonException e) {
            throw new BackupException(file + " is not a Parley backup: its " + BackupManifest.MANIFEST_ENTRY
                    + " cannot be read (" + e.getOriginalMessage() + ")", e);
        }
        if (manifest == null || !BackupManifest.FORMAT.equals(manifest.format())) {
            throw new BackupException(file + " is not a Parley backup: its " + BackupManifest.MANIFEST_ENTRY
                    + " does not say \"format\": \"" + BackupManifest.FORMAT + "\"");
        }
        if (manifest.formatVersion() != BackupManifest.FORMAT_VERSION) {
            throw new BackupException(file + " is a Parley backup of format version " + manifest.formatVersion()
                    + "; this Parley reads version " + BackupManifest.FORMAT_VERSION);
        }
        if (manifest.flywayVersion() == null || manifest.tables() == null || manifest.sequences() == null) {
            throw new BackupException(file + " is not a complete Parley backup: its " + BackupManifest.MANIFEST_ENTRY
                    + " lacks the schema version, the table list or the sequences");
        }
        return manifest;
    }
}
