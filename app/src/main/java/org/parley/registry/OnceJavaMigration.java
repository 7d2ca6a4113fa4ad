package org.parley.registry;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration written in Java because it computes in Java (name keys), run once by Flyway in its transaction like
 * the SQL ones; Spring finds it as a component. No checksum: the code, not a script, is the migration.
 */
public abstract class OnceJavaMigration implements JavaMigration {

    private final String version;
    private final String description;

    protected OnceJavaMigration(String version, String description) {
        this.version = version;
        this.description = description;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(version);
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
