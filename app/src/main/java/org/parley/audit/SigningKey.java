package org.parley.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instance's Ed25519 key pair (the JDK's own EdDSA), kept outside the database in a PEM file holding the
 * private key (PKCS#8) and the public key (X.509 SubjectPublicKeyInfo). Created on first use with permissions
 * rw------- ; a file that others may read is refused, since whoever reads it can sign checkpoints.
 */
public final class SigningKey {

    static final String ALGORITHM = "Ed25519";
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)-----END \\1-----");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A new key pair that lives in memory only (tests, benchmarks). */
    public static SigningKey generate() {
        KeyPair pair = newPair();
        return new SigningKey(pair.getPrivate(), pair.getPublic());
    }

    /** The key of this file, created if it does not exist. */
    public static SigningKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            requireOwnerOnly(file);
            return read(file);
        } catch (IOException e) {
            throw new AuditKeyException("The audit signing key file " + file + " cannot be read or created: "
                    + e.getMessage() + ". Set parley.audit.key-file to a writable place.", e);
        }
    }

    private static void create(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        KeyPair pair = newPair();
        String pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("PUBLIC KEY", pair.getPublic().getEncoded());
        try {
            if (Files.getFileStore(directory).supportsFileAttributeView("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            return; // another instance created it meanwhile; use theirs
        }
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }

    private static void requireOwnerOnly(Path file) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().anyMatch(OTHERS::contains)) {
            throw new AuditKeyException("The audit signing key file " + file + " has permissions "
                    + PosixFilePermissions.toString(permissions) + ": others than its owner may use it to sign "
                    + "checkpoints. Parley refuses to start; run 'chmod 600 " + file + "' if the key was not "
                    + "exposed, or move it away to have a new key created.", null);
        }
    }

    private static SigningKey read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        byte[] privateBytes = null;
        byte[] publicBytes = null;
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            byte[] bytes = Base64.getMimeDecoder().decode(m.group(2));
            if (m.group(1).equals("PRIVATE KEY")) {
                privateBytes = bytes;
            } else if (m.group(1).equals("PUBLIC KEY")) {
                publicBytes = bytes;
            }
        }
        if (privateBytes == null || publicBytes == null) {
            throw new AuditKeyException("The audit signing key file " + file + " must hold a PEM PRIVATE KEY and a "
                    + "PUBLIC KEY (Ed25519)", null);
        }
        try {
            KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
            SigningKey key = new SigningKey(keys.generatePrivate(new PKCS8EncodedKeySpec(privateBytes)),
                    keys.generatePublic(new X509EncodedKeySpec(publicBytes)));
            byte[] probe = "parley-audit key check".getBytes(StandardCharsets.US_ASCII);
            if (!verify(key.publicKey, probe, key.sign(probe))) {
                throw new AuditKeyException("The keys in " + file + " do not belong together", null);
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new AuditKeyException("The audit signing key file " + file + " does not hold Ed25519 keys: "
                    + e.getMessage(), e);
        }
    }

    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** An X.509 SubjectPublicKeyInfo as PEM. */
    public static String publicKeyPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static KeyPair newPair() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java runtime has no Ed25519", e);
        }
    }
}
