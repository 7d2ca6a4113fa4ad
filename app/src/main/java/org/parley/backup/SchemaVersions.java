package org.parley.backup;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The schema versions this jar can migrate to: those of its SQL migrations (the Java ones sit between them). */
public final class SchemaVersions {

    private static final Pattern SQL_MIGRATION = Pattern.compile("V([0-9_.]+)__.*\\.sql");

    private SchemaVersions() {
    }

    /** The latest version this jar's migrations reach. */
    public static MigrationVersion latest() {
        MigrationVersion latest = MigrationVersion.EMPTY;
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(
                    "classpath*:db/migration/V*__*.sql")) {
                Matcher matcher = SQL_MIGRATION.matcher(Optional.ofNullable(resource.getFilename()).orElse(""));
                if (matcher.matches()) {
                    MigrationVersion version = MigrationVersion.fromVersion(matcher.group(1).replace('_', '.'));
                    latest = version.compareTo(latest) > 0 ? version : latest;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("The jar's migrations cannot be listed", e);
        }
        return latest;
    }

    /** Whether a backup at {@code version} is newer than what this jar knows (then it cannot be restored). */
    public static boolean isNewerThanThisJar(String version) {
        return MigrationVersion.fromVersion(version).compareTo(latest()) > 0;
    }
}
