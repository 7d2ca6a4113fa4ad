package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.audit.SigningKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bundle export}, {@code organisation set-key} and the key of {@code organisation add} on a database of their
 * own (the import side is in {@code interchange.BundleRoundTripTest}).
 */
class BundleCommandTest extends CommandLineTest {

    @Test
    void bundlesAreWrittenInSequenceAndKeysAreSetCheckedAndAudited(@TempDir Path dataDir) throws Exception {
        String dir = dataDir.toString();
        Path key = dataDir.resolve("agency.pem");
        Files.writeString(key, SigningKey.publicKeyPem(SigningKey.generate().publicKey()));
        Path notAKey = dataDir.resolve("bad.pem");
        Files.writeString(notAKey, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");

        assertThat(run("organisation", "add", "north", "--name", "North", "--kind", "PARTY", "--data-dir", dir))
                .as(err.toString()).isZero();
        assertThat(run("organisation", "add", "agency", "--name", "Agency", "--kind", "INTERMEDIARY", "--public-key",
                notAKey.toString(), "--data-dir", dir)).isEqualTo(2);
        assertThat(err.toString()).contains("is not an Ed25519 public key");
        assertThat(run("organisation", "add", "agency", "--name", "Agency", "--kind", "INTERMEDIARY", "--public-key",
                key.toString(), "--data-dir", dir)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Added agency  INTERMEDIARY  en  Agency with its public key");
        Files.writeString(key, SigningKey.publicKeyPem(SigningKey.generate().publicKey()));
        assertThat(run("organisation", "set-key", "north", "--public-key", key.toString(), "--data-dir", dir))
                .as(err.toString()).isZero();
        assertThat(run("organisation", "set-key", "south", "--public-key", key.toString(), "--data-dir", dir))
                .isEqualTo(1);
        assertThat(err.toString()).contains("'south' is not a known organisation");

        Path first = dataDir.resolve("1.json");
        Path second = dataDir.resolve("2.json");
        assertThat(run("bundle", "export", "--from", "north", "--to", "agency", "--out", first.toString(),
                "--data-dir", dir)).as(err.toString()).isZero();
        assertThat(run("bundle", "export", "--from", "north", "--to", "agency", "--out", second.toString(),
                "--data-dir", dir)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Wrote bundle 1 from north to agency (0 persons")
                .contains("Wrote bundle 2 from north to agency (0 persons");
        JsonMapper json = JsonMapper.builder().build();
        JsonNode one = json.readTree(first.toFile());
        JsonNode two = json.readTree(second.toFile());
        assertThat(two.get("previousHash").stringValue()).isEqualTo(one.get("hash").stringValue());
        assertThat(run("bundle", "export", "--from", "agency", "--to", "north", "--out", first.toString(),
                "--data-dir", dir)).isEqualTo(1);
        assertThat(err.toString()).contains("'agency' is not a party");

        out.getBuffer().setLength(0);
        assertThat(run("audit", "verify", "--data-dir", dir)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Audit log verified: 6 entries");
    }
}
