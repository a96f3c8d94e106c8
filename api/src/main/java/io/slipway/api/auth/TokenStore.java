package io.slipway.api.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Static API tokens, kept as SHA-256 hashes in a YAML file (by default {@code
 * ~/.slipway/tokens.yaml}, mode 600).
 *
 * <p>At first start {@link #initialize(Path)} creates an {@code admin} and a {@code reader} token and
 * hands their plain text back exactly once; later starts find the file and create nothing. The
 * store never holds a token in plain text, so neither the file nor a heap dump gives one away.
 *
 * <p>A loaded store is immutable and thread-safe; {@link #lookup} is cheap (one SHA-256) and safe on
 * an event loop. Loading and initialising read and write files: use {@link #initialize(Vertx, Path)}
 * from verticles.
 */
public final class TokenStore {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;
    private static final List<IssuedDefault> DEFAULTS =
            List.of(new IssuedDefault("admin", "admin"), new IssuedDefault("reader", "reader"));

    private record IssuedDefault(String name, String role) {}

    private record Hashed(String name, byte[] sha256, Set<String> roles) {}

    /**
     * What {@link #initialize} found or made.
     *
     * @param issued the tokens created by this call, in plain text; empty unless the file was new
     */
    public record Initialized(TokenStore store, List<IssuedToken> issued) {}

    private final List<Hashed> tokens;

    private TokenStore(List<Hashed> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    /**
     * Loads the token file, or creates it with default tokens when it does not exist yet. Blocking.
     *
     * @throws UncheckedIOException if the file cannot be read, parsed or written
     */
    public static Initialized initialize(Path file) {
        try {
            if (Files.exists(file)) {
                // An existing file is never topped up, even if empty: an operator may have revoked all.
                return new Initialized(load(file), List.of());
            }
            List<IssuedToken> issued = new ArrayList<>();
            for (IssuedDefault d : DEFAULTS) {
                issued.add(new IssuedToken(d.name(), Set.of(d.role()), newToken()));
            }
            TokenFile.write(
                    file,
                    new TokenFile.Content(issued.stream().map(TokenStore::entry).toList()));
            return new Initialized(load(file), List.copyOf(issued));
        } catch (IOException e) {
            throw new UncheckedIOException("token file " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@link #initialize(Path)} on a worker thread. */
    public static Future<Initialized> initialize(Vertx vertx, Path file) {
        return vertx.executeBlocking(() -> initialize(file), false);
    }

    /** Reads an existing token file. Blocking. */
    public static TokenStore load(Path file) throws IOException {
        List<Hashed> hashed = new ArrayList<>();
        for (TokenFile.Entry e : TokenFile.read(file).tokens()) {
            hashed.add(check(file, e));
        }
        return new TokenStore(hashed);
    }

    /** The principal a token belongs to, if any. Runs in time independent of which entry matches. */
    public Optional<Principal> lookup(String token) {
        byte[] digest = sha256(token);
        Hashed match = null;
        for (Hashed h : tokens) {
            // No early exit and a constant-time compare: timing reveals neither position nor prefix.
            if (MessageDigest.isEqual(digest, h.sha256()) && match == null) {
                match = h;
            }
        }
        return Optional.ofNullable(match).map(h -> new Principal(h.name(), h.roles()));
    }

    /** Names of the stored tokens (never their hashes). */
    public List<String> names() {
        return tokens.stream().map(Hashed::name).toList();
    }

    static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static TokenFile.Entry entry(IssuedToken t) {
        return new TokenFile.Entry(t.name(), HexFormat.of().formatHex(sha256(t.token())), List.copyOf(t.roles()));
    }

    private static Hashed check(Path file, TokenFile.Entry e) throws IOException {
        if (e.name() == null || e.name().isBlank()) {
            throw new IOException(file + ": a token has no name");
        }
        String hex = e.sha256() == null ? "" : e.sha256().trim().toLowerCase(java.util.Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IOException(file + ": token '" + e.name() + "': sha256 must be 64 hex digits");
        }
        Set<String> roles = e.roles() == null ? Set.of() : Set.copyOf(e.roles());
        return new Hashed(e.name(), HexFormat.of().parseHex(hex), roles);
    }
}
