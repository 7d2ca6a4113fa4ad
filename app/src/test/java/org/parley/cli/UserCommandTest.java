package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code user add} on an embedded database of its own: usernames carry their organisation. */
class UserCommandTest extends CommandLineTest {

    @Test
    void usernamesAreNameAtOrganisationAndTheOrganisationComesFromTheName(@TempDir Path dataDir) {
        String dir = dataDir.toString();
        assertThat(run("organisation", "add", "north", "--name", "North", "--kind", "PARTY", "--data-dir", dir))
                .as(err.toString()).isZero();
        assertThat(run("user", "add", "registrar@north", "--role", "REGISTRAR", "--data-dir", dir))
                .as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("Created registrar@north +north +REGISTRAR");
        assertThat(run("user", "add", "viewer", "--organisation", "north", "--role", "VIEWER", "--data-dir", dir))
                .isEqualTo(1);
        assertThat(err.toString()).contains("username: must end with '@north', the code of the user's organisation");
        assertThat(run("user", "add", "registrar@north", "--role", "VIEWER", "--data-dir", dir)).isEqualTo(1);
        assertThat(err.toString()).contains("'registrar@north' is already taken");
        assertThat(run("user", "add", "operator", "--role", "ADMIN", "--data-dir", dir)).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("Created operator +\\(instance\\) +ADMIN");
    }
}
