package io.slipway.engine.bootaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.engine.bootaction.BootActionProblem.Kind;
import io.slipway.store.Fence;
import io.slipway.store.StoreException;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Keys are parsed without ever throwing anything but a problem, and every failure maps to a kind. */
class BootActionProblemTest {

    private static Kind keyProblem(String presented) {
        try {
            NodeKey.parse(presented);
        } catch (BootActionProblem p) {
            return p.kind();
        }
        return null;
    }

    @Test
    void keysAreExactly64HexDigitsInAnyCase() {
        byte[] key = NodeKey.generate(new SecureRandom());
        String hex = NodeKey.hex(key);
        assertThat(hex).hasSize(64).matches("[0-9a-f]+");
        assertThat(NodeKey.parse(hex)).isEqualTo(key);
        assertThat(NodeKey.parse(" " + hex.toUpperCase() + "\n")).isEqualTo(key);
    }

    @Test
    void missingKeysAreUnauthorizedAndMalformedOnesForbidden() {
        assertThat(keyProblem(null)).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(keyProblem("")).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(keyProblem("abc")).isEqualTo(Kind.FORBIDDEN);
        assertThat(keyProblem("g".repeat(64))).isEqualTo(Kind.FORBIDDEN);
        assertThat(keyProblem("a".repeat(66))).isEqualTo(Kind.FORBIDDEN);
        // Digits of other scripts count as digits for Character.digit but are not hex.
        assertThat(keyProblem("\u0663".repeat(64))).isEqualTo(Kind.FORBIDDEN);
    }

    @Test
    void storeAndUnknownFailuresBecomeProblems() {
        assertThat(Problems.of(StoreException.notFound("node x has no boot action context"))
                        .kind())
                .isEqualTo(Kind.NOT_FOUND);
        assertThat(Problems.of(StoreException.unavailable("down", null)).kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(Problems.of(StoreException.unavailable("down", null)).retryable())
                .isTrue();
        assertThat(Problems.of(StoreException.fenced(Fence.of(1))).kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(Problems.of(StoreException.conflict("taken")).kind()).isEqualTo(Kind.CONFLICT);
        assertThat(Problems.of(new NullPointerException("bug")).kind()).isEqualTo(Kind.UNPROCESSABLE);
        BootActionProblem p = BootActionProblem.asset("motd", "/etc/motd", "why");
        assertThat(Problems.of(p)).isSameAs(p);
        assertThat(Problems.call(() -> {
                            throw new IllegalStateException("sync");
                        })
                        .failed())
                .isTrue();
    }

    @Test
    void kindsCarryTheirHttpStatus() {
        assertThat(Kind.NOT_FOUND.status()).isEqualTo(404);
        assertThat(Kind.UNAUTHORIZED.status()).isEqualTo(401);
        assertThat(Kind.FORBIDDEN.status()).isEqualTo(403);
        assertThat(Kind.CONFLICT.status()).isEqualTo(409);
        assertThat(Kind.UNPROCESSABLE.status()).isEqualTo(422);
        assertThat(Kind.UNAVAILABLE.status()).isEqualTo(503);
        assertThatThrownBy(() -> BootActionProblem.of(null, "x")).isInstanceOf(NullPointerException.class);
    }
}
