package org.parley.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed notes (c2sp.org/signed-note) and Parley's checkpoints as such notes: the verifier keys and notes published
 * with the specification and with golang.org/x/mod/sumdb/note (test resource {@code standards/signed-note}) verify
 * with Parley's verifier, Parley signs the published text with the published key into the published note byte for
 * byte, and Parley's own checkpoint notes are checked by a computation of their own here (key ID by hand, signature
 * with BouncyCastle rather than the JDK), as a standard verifier would check them.
 */
class SignedNoteTest {

    private static final JsonNode EXAMPLES = read();

    @Test
    void thePublishedNotesVerifyWithThePublishedKeys() {
        for (JsonNode example : EXAMPLES.get("examples")) {
            String vkey = example.get("vkey").stringValue();
            String note = example.get("note").stringValue();
            NoteKey key = NoteKey.parse(vkey);
            assertThat(key.vkey()).isEqualTo(vkey);
            SignedNote signed = SignedNote.parse(note);
            assertThat(signed.write()).isEqualTo(note);
            assertThat(key.verifies(signed)).as(example.get("desc").stringValue()).isTrue();
        }
    }

    @Test
    void theKeyIdIsTheHashOfNameNewlineTypeAndKey() {
        for (JsonNode example : EXAMPLES.get("examples")) {
            String[] parts = example.get("vkey").stringValue().split("\\+", 3);
            byte[] typedKey = Base64.getDecoder().decode(parts[2]);
            assertThat(HexFormat.of().formatHex(independentKeyId(parts[0], Arrays.copyOfRange(typedKey, 1, 33))))
                    .isEqualTo(parts[1]);
        }
    }

    @Test
    void parleySignsThePublishedTextWithThePublishedKeyIntoThePublishedNote(@TempDir Path directory) throws Exception {
        JsonNode example = EXAMPLES.get("examples").get(1);
        NoteKey verifier = NoteKey.parse(example.get("vkey").stringValue());
        // PRIVATE+KEY+name+id+base64(0x01 || seed)
        String[] secret = example.get("skey").stringValue().split("\\+", 5);
        byte[] seed = Arrays.copyOfRange(Base64.getDecoder().decode(secret[4]), 1, 33);
        SigningKey signer = SigningKey.loadOrCreate(keyFile(directory, seed, verifier.key().getEncoded()));
        String text = example.get("text").stringValue();
        SignedNote note = new SignedNote(text, List.of(new SignedNote.Signature(verifier.name(), verifier.id(),
                signer.sign(text.getBytes(StandardCharsets.UTF_8)))));
        assertThat(note.write()).isEqualTo(example.get("note").stringValue());
    }

    @Test
    void notesNotSignedByTheKeyAreRefused() {
        JsonNode example = EXAMPLES.get("examples").get(1);
        NoteKey peter = NoteKey.parse(example.get("vkey").stringValue());
        String note = example.get("note").stringValue();
        assertThat(peter.verifies(SignedNote.parse(note.replace("cryptography", "cryptographY")))).isFalse();
        // only the other key's signature: unknown signatures are ignored, and none of the key is left
        String enochOnly = EXAMPLES.get("examples").get(2).get("note").stringValue()
                .replaceAll("\u2014 PeterNeumann [^\n]*\n", "");
        assertThat(peter.verifies(SignedNote.parse(enochOnly))).isFalse();
        // the key's name with another key ID is another key's signature
        SignedNote signed = SignedNote.parse(note);
        SignedNote.Signature real = signed.signatures().get(0);
        SignedNote otherId = new SignedNote(signed.text(),
                List.of(new SignedNote.Signature(real.keyName(), real.keyId() + 1, real.signature())));
        assertThat(peter.verifies(otherId)).isFalse();
        // a bad signature of the key fails the note even beside a good one
        byte[] bad = real.signature().clone();
        bad[0] ^= 1;
        assertThat(peter.verifies(new SignedNote(signed.text(), List.of(real,
                new SignedNote.Signature(real.keyName(), real.keyId(), bad))))).isFalse();
    }

    @Test
    void malformedNotesAndKeysAreNamed() {
        assertThatThrownBy(() -> SignedNote.parse("text\n\u2014 k AAAAAAA=\n")).hasMessageContaining("blank line");
        assertThatThrownBy(() -> SignedNote.parse("text\n\n\u2014 k AAAAAAA=")).hasMessageContaining("ends with");
        assertThatThrownBy(() -> SignedNote.parse("te\rxt\n\n\u2014 k AAAAAAA=\n"))
                .hasMessageContaining("U+000D");
        assertThatThrownBy(() -> SignedNote.parse("text\n\n- k AAAAAAA=\n")).hasMessageContaining("signature line");
        assertThatThrownBy(() -> SignedNote.parse("text\n\n\u2014 k+1 AAAAAAA=\n")).hasMessageContaining("'+'");
        assertThatThrownBy(() -> SignedNote.parse("text\n\n\u2014 k ***\n")).hasMessageContaining("not Base64");
        assertThatThrownBy(() -> NoteKey.parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .hasMessageContaining("not the hash");
        assertThatThrownBy(() -> NoteKey.parse("PeterNeumann+c74f20a3+ApjQ")).hasMessageContaining("not an Ed25519");
    }

    @Test
    void parleysCheckpointIsAStandardCheckpointNote() throws Exception {
        SigningKey key = SigningKey.generate();
        byte[] root = MerkleHash.leaf("root".getBytes(StandardCharsets.UTF_8));
        Checkpoint checkpoint = Checkpoint.sign(1234, root, Instant.parse("2026-12-01T05:40:00.123456Z"), key);
        String note = checkpoint.note(key.publicKey());

        // c2sp.org/tlog-checkpoint: origin, size in decimal, root hash in Base64, then an extension line
        Matcher m = Pattern.compile("(parley-audit\n1234\n([A-Za-z0-9+/=]+)\n2026-12-01T05:40:00\\.123456Z\n)\n"
                + "\u2014 parley-audit ([A-Za-z0-9+/=]+)\n").matcher(note);
        assertThat(m.matches()).as(note).isTrue();
        assertThat(Base64.getDecoder().decode(m.group(2))).isEqualTo(root);
        // c2sp.org/signed-note: base64(key ID || Ed25519 signature of the text), the key ID computed here by hand
        byte[] signature = Base64.getDecoder().decode(m.group(3));
        assertThat(signature).hasSize(4 + 64);
        byte[] rawKey = SubjectPublicKeyInfo.getInstance(key.publicKey().getEncoded()).getPublicKeyData().getBytes();
        assertThat(Arrays.copyOfRange(signature, 0, 4)).isEqualTo(independentKeyId("parley-audit", rawKey));
        Ed25519Signer bouncyCastle = new Ed25519Signer();
        bouncyCastle.init(false, new Ed25519PublicKeyParameters(rawKey, 0));
        byte[] text = m.group(1).getBytes(StandardCharsets.UTF_8);
        bouncyCastle.update(text, 0, text.length);
        assertThat(bouncyCastle.verifySignature(Arrays.copyOfRange(signature, 4, signature.length))).isTrue();

        // the verifier key a standard verifier is given: name+id+base64(0x01 || key)
        NoteKey noteKey = NoteKey.ed25519(Checkpoint.ORIGIN, key.publicKey());
        byte[] typed = new byte[33];
        typed[0] = 1;
        System.arraycopy(rawKey, 0, typed, 1, 32);
        assertThat(noteKey.vkey()).isEqualTo("parley-audit+" + HexFormat.of().formatHex(
                independentKeyId("parley-audit", rawKey)) + "+" + Base64.getEncoder().encodeToString(typed));
        assertThat(NoteKey.parse(noteKey.vkey()).verifies(SignedNote.parse(note))).isTrue();
    }

    @Test
    void aCheckpointNoteIsReadBackAndHoldsOnlyWithItsKey() {
        SigningKey key = SigningKey.generate();
        Checkpoint checkpoint = Checkpoint.sign(7, MerkleHash.empty(), Instant.parse("2026-12-01T05:40:00Z"), key);
        String note = checkpoint.note(key.publicKey());
        Checkpoint read = Checkpoint.parse(note);
        assertThat(read.treeSize()).isEqualTo(7);
        assertThat(read.keyId()).isEqualTo(NoteKey.ed25519(Checkpoint.ORIGIN, key.publicKey()).id());
        assertThat(read.verify(key.publicKey())).isTrue();
        assertThat(read.verify(SigningKey.generate().publicKey())).isFalse();

        // a witness's cosignature beside it changes nothing; Windows line ends neither
        String cosigned = note + "\u2014 witness.example/w1 " + Base64.getEncoder().encodeToString(new byte[72]) + "\n";
        assertThat(Checkpoint.parse(cosigned).verify(key.publicKey())).isTrue();
        assertThat(Checkpoint.parse(note.replace("\n", "\r\n")).verify(key.publicKey())).isTrue();

        // the key ID altered: the note names another key, whatever the signature
        SignedNote signed = SignedNote.parse(note);
        SignedNote.Signature line = signed.signatures().get(0);
        String otherId = new SignedNote(signed.text(), List.of(new SignedNote.Signature(line.keyName(),
                line.keyId() ^ 1, line.signature()))).write();
        assertThat(Checkpoint.parse(otherId).verify(key.publicKey())).isFalse();

        // a note written before notes carried the key ID: the bare 64-byte signature
        String older = checkpoint.body() + "\n\u2014 parley-audit "
                + Base64.getEncoder().encodeToString(checkpoint.signature()) + "\n";
        Checkpoint olderRead = Checkpoint.parse(older);
        assertThat(olderRead.keyId()).isNull();
        assertThat(olderRead.verify(key.publicKey())).isTrue();
    }

    @Test
    void theExampleOfTheCheckpointDocumentationVerifies() throws IOException {
        String doc = Files.readString(Path.of("../docs/audit/checkpoints.md"));
        Matcher blocks = Pattern.compile("```\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(blocks.find()).isTrue();
        String note = blocks.group(1);
        assertThat(blocks.find()).isTrue();
        NoteKey key = NoteKey.parse(blocks.group(1).strip());
        assertThat(key.verifies(SignedNote.parse(note))).isTrue();
        Checkpoint checkpoint = Checkpoint.parse(note);
        assertThat(checkpoint.verify(key.key())).isTrue();
        assertThat(HexFormat.of().formatHex(checkpoint.rootHash()))
                .isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    }

    /** SHA-256(name || 0x0A || 0x01 || key)[:4], as the specification writes it. */
    private static byte[] independentKeyId(String name, byte[] rawKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(name.getBytes(StandardCharsets.UTF_8));
            sha256.update(new byte[] {0x0A, 0x01});
            return Arrays.copyOf(sha256.digest(rawKey), 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key file as Parley keeps it, holding an Ed25519 key given by its 32-byte seed (PKCS#8, RFC 8410). */
    private static Path keyFile(Path directory, byte[] seed, byte[] publicSpki) throws IOException {
        byte[] pkcs8 = ByteBuffer.allocate(16 + 32).put(HexFormat.of().parseHex("302e020100300506032b657004220420"))
                .put(seed).array();
        Base64.Encoder pem = Base64.getMimeEncoder(64, new byte[] {'\n'});
        String text = "-----BEGIN PRIVATE KEY-----\n" + pem.encodeToString(pkcs8) + "\n-----END PRIVATE KEY-----\n"
                + "-----BEGIN PUBLIC KEY-----\n" + pem.encodeToString(publicSpki) + "\n-----END PUBLIC KEY-----\n";
        Path file = directory.resolve("published-example.key");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        return file;
    }

    private static JsonNode read() {
        try (InputStream in = SignedNoteTest.class.getResourceAsStream("/standards/signed-note/examples.json")) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
