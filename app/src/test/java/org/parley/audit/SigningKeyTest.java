package org.parley.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    @Test
    void aNewKeyFileIsTheOwnersOnlyAndGivesTheSameKeyAgain(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("keys/audit-ed25519.key");
        SigningKey created = SigningKey.loadOrCreate(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        SigningKey loaded = SigningKey.loadOrCreate(file);
        assertThat(loaded.publicKey()).isEqualTo(created.publicKey());
        byte[] message = "parley".getBytes(StandardCharsets.UTF_8);
        assertThat(SigningKey.verify(created.publicKey(), message, loaded.sign(message))).isTrue();
        assertThat(SigningKey.verify(SigningKey.generate().publicKey(), message, loaded.sign(message))).isFalse();
    }

    @Test
    void aKeyFileOthersCanReadIsRefused(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("audit-ed25519.key");
        SigningKey.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> SigningKey.loadOrCreate(file)).isInstanceOf(AuditKeyException.class)
                .hasMessageContaining("rw-r--r--").hasMessageContaining("chmod 600 " + file);
    }
}
