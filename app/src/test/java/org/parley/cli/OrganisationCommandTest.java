package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code organisation add} and {@code list} on an embedded database of their own, as a new instance needs them. */
class OrganisationCommandTest extends CommandLineTest {

    @Test
    void organisationsAreAddedListedAndCheckedAndTheirCreationIsAudited(@TempDir Path dataDir) {
        String dir = dataDir.toString();
        assertThat(run("organisation", "add", "north", "--name", "Сторона Північ", "--kind", "PARTY", "--language",
                "uk", "--data-dir", dir)).as(err.toString()).isZero();
        assertThat(run("organisation", "add", "mediator", "--name", "Neutral Mediator", "--kind", "intermediary",
                "--data-dir", dir)).as(err.toString()).isZero();
        assertThat(run("organisation", "list", "--data-dir", dir)).isZero();
        assertThat(out.toString()).contains("north  PARTY  uk  Сторона Північ")
                .contains("mediator  INTERMEDIARY  en  Neutral Mediator");

        assertThat(run("organisation", "add", "north", "--name", "Again", "--kind", "PARTY", "--data-dir", dir))
                .isEqualTo(1);
        assertThat(err.toString()).contains("'north' is taken");
        assertThat(run("organisation", "add", "Bad Code", "--name", " ", "--kind", "PARTY", "--language", "english",
                "--data-dir", dir)).isEqualTo(1);
        assertThat(err.toString()).contains("'Bad Code' is not a code").contains("name").contains("'english'");
        assertThat(run("organisation", "add", "south", "--name", "South", "--kind", "SIDE", "--data-dir", dir))
                .as("an unknown kind is a bad argument").isEqualTo(2);

        out.getBuffer().setLength(0);
        assertThat(run("audit", "verify", "--data-dir", dir)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Audit log verified: 2 entries");
    }
}
