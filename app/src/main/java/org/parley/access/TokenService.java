package org.parley.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.api.Caller;
import org.parley.api.InvalidInputException;
import org.parley.api.NotFoundException;
import org.parley.api.PublicIds;
import org.parley.api.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for the REST API: 256 random bits, shown once, stored only as their SHA-256 (a fast hash is
 * enough for a secret that cannot be guessed), valid until they expire or are revoked by their owner or an
 * administrator.
 */
@Service
public class TokenService {

    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);
    public static final Duration MAX_LIFETIME = Duration.ofDays(30);
    static final String PREFIX = "prl_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenRepository tokens;
    private final UserRepository users;
    private final PublicIds publicIds;

    TokenService(TokenRepository tokens, UserRepository users, PublicIds publicIds) {
        this.tokens = tokens;
        this.users = users;
        this.publicIds = publicIds;
    }

    /** A token as the API lists it: its public id, never the internal key (see {@link PublicIds}). */
    public Map<String, Object> view(ApiToken token) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", publicId(token));
        view.put("username", token.username());
        view.put("name", token.name());
        view.put("createdAt", token.createdAt());
        view.put("expiresAt", token.expiresAt());
        view.put("revokedAt", token.revokedAt());
        view.put("lastUsedAt", token.lastUsedAt());
        return view;
    }

    /** A token as issued: the secret itself (shown this once) and what is stored about it. */
    public record IssuedToken(String token, ApiToken stored) {
    }

    @Transactional
    public IssuedToken issue(Caller caller, String name, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new InvalidInputException("expiresInHours", "must be from 1 to " + MAX_LIFETIME.toHours());
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = tokens.insert(caller.userId(), hash(token), name, Instant.now().plus(lifetime));
        return new IssuedToken(token, tokens.find(id).orElseThrow());
    }

    /** The caller a presented token stands for, if it is active and its user enabled. */
    @Transactional
    public Optional<Caller> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return tokens.use(hash(token), users::map).filter(User::enabled).map(User::caller);
    }

    /** The caller's own tokens; an administrator sees those of the users they manage. */
    public List<ApiToken> list(Caller caller) {
        if (caller.has(Role.ADMIN)) {
            return tokens.list(null, caller.organisation());
        }
        return tokens.list(caller.userId(), null);
    }

    /** The caller's own tokens only, administrators' too (the account page), newest first. */
    public List<ApiToken> listOwn(Caller caller) {
        return tokens.list(caller.userId(), null);
    }

    /** Revokes one of the caller's own tokens by its public id; 404 for any other, administrators' too. */
    @Transactional
    public ApiToken revokeOwn(Caller caller, String publicId) {
        long id = publicIds.parse(PublicIds.Kind.TOKEN, publicId);
        if (tokens.find(id).isEmpty() || tokens.ownerOf(id) != caller.userId()) {
            throw NotFoundException.hidden("token", publicId);
        }
        tokens.revoke(id);
        return tokens.find(id).orElseThrow();
    }

    /** The public id of a token, as the API and the pages name it. */
    public String publicId(ApiToken token) {
        return publicIds.of(PublicIds.Kind.TOKEN, token.id());
    }

    /** Revokes a token by its public id: the caller's own, or one of a user they manage; 404 for any other. */
    @Transactional
    public ApiToken revoke(Caller caller, String publicId) {
        long id = publicIds.parse(PublicIds.Kind.TOKEN, publicId);
        ApiToken token = tokens.find(id).orElseThrow(() -> NotFoundException.missing("token", publicId));
        boolean own = tokens.ownerOf(id) == caller.userId();
        boolean administered = caller.has(Role.ADMIN) && (caller.organisation() == null
                || caller.organisation().equals(tokens.organisationOfOwner(id).orElse(null)));
        if (!own && !administered) {
            throw NotFoundException.hidden("token", publicId);
        }
        tokens.revoke(token.id());
        return tokens.find(id).orElseThrow();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
