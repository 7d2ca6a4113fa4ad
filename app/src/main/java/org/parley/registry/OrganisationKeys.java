package org.parley.registry;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.api.Caller;
import org.parley.api.InvalidInputException;
import org.parley.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Ed25519 public keys of organisations whose signed documents this instance accepts (notification bundles):
 * an X.509 SubjectPublicKeyInfo, given as PEM ({@code -----BEGIN PUBLIC KEY-----}, as {@code audit} prints the
 * instance key) or as its Base64. Setting or replacing a key is an audit entry of the organisation, whose state then
 * carries the key (see {@link OrganisationStates}).
 */
@Service
public class OrganisationKeys {

    static final String SET_PUBLIC_KEY = "SET_PUBLIC_KEY";
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN PUBLIC KEY-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END PUBLIC KEY-----");

    private final OrganisationRepository organisations;
    private final OrganisationKeyRepository keys;
    private final AuditLog audit;

    OrganisationKeys(OrganisationRepository organisations, OrganisationKeyRepository keys, AuditLog audit) {
        this.organisations = organisations;
        this.keys = keys;
        this.audit = audit;
    }

    /**
     * Reads a public key as PEM or Base64 of the SubjectPublicKeyInfo.
     *
     * @throws InvalidInputException on {@code publicKey} when it is neither, or not an Ed25519 key
     */
    public static PublicKey parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        Matcher pem = PEM.matcher(trimmed);
        String base64 = pem.find() ? pem.group(1) : trimmed;
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("publicKey", "is neither a PEM PUBLIC KEY nor Base64");
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidInputException("publicKey", "is not an Ed25519 public key (X.509 SubjectPublicKeyInfo)");
        }
    }

    /** Sets or replaces the organisation's key; audited by {@code who} (the operator on the command line). */
    @Transactional
    public void set(Caller who, String code, PublicKey key) {
        Organisation organisation = organisations.findByCode(code)
                .orElseThrow(() -> new InvalidInputException("code", "'" + code + "' is not a known organisation"));
        byte[] spki = key.getEncoded();
        keys.put(organisation.id(), spki);
        audit.append(who == null ? AuditActions.OPERATOR : who, new AuditLog.Change(SET_PUBLIC_KEY,
                OrganisationStates.RECORD_TYPE, code, null, OrganisationStates.state(organisation, spki)));
    }

    /** The organisation's key, if one was registered. */
    public Optional<PublicKey> of(String code) {
        return organisations.findByCode(code).flatMap(o -> keys.find(o.id())).map(spki -> parse(
                Base64.getEncoder().encodeToString(spki)));
    }
}
