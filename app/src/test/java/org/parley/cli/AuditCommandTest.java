package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit checkpoint} and {@code audit verify} on an embedded database of their own. */
class AuditCommandTest extends CommandLineTest {

    @Test
    void aKeptCheckpointVerifiesAndAForgedOneIsRefused(@TempDir Path dataDir) throws Exception {
        Path kept = dataDir.resolve("kept.checkpoint");
        assertThat(run("audit", "checkpoint", "--out", kept.toString(), "--data-dir", dataDir.toString()))
                .as(err.toString()).isZero();
        assertThat(Files.readString(kept)).startsWith("parley-audit\n0\n");
        assertThat(run("audit", "verify", "--checkpoint", kept.toString(), "--data-dir", dataDir.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("Audit log verified: 0 entries, 1 checkpoints");

        Path forged = dataDir.resolve("forged.checkpoint");
        Files.writeString(forged, Files.readString(kept).replaceFirst("\n0\n", "\n5\n"));
        assertThat(run("audit", "verify", "--checkpoint", forged.toString(), "--data-dir", dataDir.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("FAILED").contains("kept checkpoint at size 5: the signature does not "
                + "verify").contains("the log has only 0 entries now");
    }

    @Test
    void verifyingSignsNothing(@TempDir Path dataDir) {
        assertThat(run("organisation", "add", "party-a", "--name", "Party A", "--kind", "PARTY", "--data-dir",
                dataDir.toString())).as(err.toString()).isZero();
        for (int i = 0; i < 2; i++) {
            out.getBuffer().setLength(0);
            assertThat(run("audit", "verify", "--data-dir", dataDir.toString())).as(err.toString()).isZero();
            assertThat(out.toString()).contains("Audit log verified: 1 entries, 0 checkpoints");
        }
    }

    @Test
    void aMissingCheckpointFileIsOneLine(@TempDir Path dataDir) {
        assertThat(run("audit", "verify", "--checkpoint", dataDir.resolve("none").toString(), "--data-dir",
                dataDir.toString())).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("parley: cannot read the checkpoint").doesNotContain("\n");
    }
}
