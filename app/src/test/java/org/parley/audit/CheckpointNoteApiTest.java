package org.parley.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.security.MessageDigest;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.DemoUsers;
import org.parley.ParleyTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The checkpoint notes and the signed-note verifier key the API gives: every demo user gets the same key and note
 * (checkpoints are public to anyone logged in, README "Audit log"), the note verifies with the key the way a
 * standard signed-note verifier does it (done here by hand, with BouncyCastle), and nobody unauthenticated gets
 * either.
 */
@ParleyTest
class CheckpointNoteApiTest {

    @LocalServerPort
    int port;

    @Test
    void everyUserGetsANoteThatVerifiesWithTheVerifierKey() throws Exception {
        JsonNode signed = new ApiClient(port).as("auditor@intermediary").post("/api/v1/audit/checkpoints", "").json();
        long size = signed.get("treeSize").longValue();
        for (DemoUsers.DemoUser user : DemoUsers.all()) {
            ApiClient client = new ApiClient(port).as(user.username());
            String vkey = client.get("/api/v1/audit/public-key").json().get("noteVerifierKey").stringValue();
            ApiClient.Response checkpoint = client.get("/api/v1/audit/checkpoints/" + size);
            assertThat(checkpoint.status()).as(user.username()).isEqualTo(200);
            String note = checkpoint.json().get("note").stringValue();
            assertThat(standardVerifierAccepts(vkey, note)).as(user.username()).isTrue();
            assertThat(note).startsWith("parley-audit\n" + size + "\n" + signed.get("rootHash").stringValue() + "\n");
        }
    }

    @Test
    void nobodyUnauthenticatedGetsTheKeyOrANote() {
        ApiClient anonymous = new ApiClient(port);
        assertThat(anonymous.get("/api/v1/audit/public-key").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/audit/checkpoints/latest").status()).isEqualTo(401);
    }

    /**
     * c2sp.org/signed-note, as a verifier that knows one key: the vkey's ID is the hash of its name and key; a
     * signature line of that name and ID exists, and its signature holds over the text before the blank line.
     */
    private static boolean standardVerifierAccepts(String vkey, String note) throws Exception {
        String[] parts = vkey.split("\\+", 3);
        byte[] typed = Base64.getDecoder().decode(parts[2]);
        if (typed.length != 33 || typed[0] != 1) {
            return false;
        }
        byte[] key = Arrays.copyOfRange(typed, 1, 33);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update((parts[0] + "\n").getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 1);
        byte[] id = Arrays.copyOf(sha256.digest(key), 4);
        if (!HexFormat.of().formatHex(id).equals(parts[1])) {
            return false;
        }
        int blank = note.lastIndexOf("\n\n");
        byte[] text = note.substring(0, blank + 1).getBytes(StandardCharsets.UTF_8);
        boolean verified = false;
        for (String line : note.substring(blank + 2).split("\n")) {
            String prefix = "\u2014 " + parts[0] + " ";
            if (!line.startsWith(prefix)) {
                continue;
            }
            byte[] signature = Base64.getDecoder().decode(line.substring(prefix.length()));
            if (!Arrays.equals(signature, 0, 4, id, 0, 4)) {
                continue;
            }
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(false, new Ed25519PublicKeyParameters(key, 0));
            signer.update(text, 0, text.length);
            if (!signer.verifySignature(Arrays.copyOfRange(signature, 4, signature.length))) {
                return false;
            }
            verified = true;
        }
        return verified;
    }
}
