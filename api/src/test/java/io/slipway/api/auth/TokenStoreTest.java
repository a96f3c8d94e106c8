package io.slipway.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {
    @TempDir
    Path dir;

    @Test
    void firstStartIssuesAdminAndReaderTokensOnce() {
        Path file = dir.resolve("data/tokens.yaml");
        TokenStore.Initialized first = TokenStore.initialize(file);
        assertThat(first.issued()).extracting(IssuedToken::name).containsExactly("admin", "reader");
        assertThat(first.issued()).allSatisfy(t -> assertThat(t.token()).matches("[A-Za-z0-9_-]{43}"));
        assertThat(first.issued().get(0).token())
                .isNotEqualTo(first.issued().get(1).token());

        TokenStore.Initialized second = TokenStore.initialize(file);
        assertThat(second.issued()).isEmpty();
        String admin = first.issued().get(0).token();
        assertThat(second.store().lookup(admin)).hasValueSatisfying(p -> {
            assertThat(p.name()).isEqualTo("admin");
            assertThat(p.roles()).containsExactly("admin");
        });
        assertThat(second.store()
                        .lookup(first.issued().get(1).token())
                        .orElseThrow()
                        .roles())
                .containsExactly("reader");
    }

    @Test
    void fileHoldsOnlyHashesAndIsPrivate() throws IOException {
        Path file = dir.resolve("tokens.yaml");
        TokenStore.Initialized init = TokenStore.initialize(file);
        String text = Files.readString(file);
        for (IssuedToken t : init.issued()) {
            assertThat(text).doesNotContain(t.token()).contains(HexFormat.of().formatHex(TokenStore.sha256(t.token())));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .startsWith("rwx");
        try (var leftovers = Files.list(dir)) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void unknownTokensAreNotFound() {
        TokenStore store = TokenStore.initialize(dir.resolve("t.yaml")).store();
        assertThat(store.lookup(TokenStore.newToken())).isEmpty();
        assertThat(store.lookup("")).isEmpty();
        assertThat(store.names()).containsExactly("admin", "reader");
    }

    @Test
    void handWrittenEntriesWork() throws IOException {
        Path file = dir.resolve("t.yaml");
        String hash = HexFormat.of().formatHex(TokenStore.sha256("ci-secret"));
        Files.writeString(file, "tokens:\n- name: ci\n  sha256: " + hash.toUpperCase() + "\n  roles: [operator]\n");
        TokenStore.Initialized init = TokenStore.initialize(file);
        assertThat(init.issued()).isEmpty();
        assertThat(init.store().lookup("ci-secret").orElseThrow().roles()).containsExactly("operator");
    }

    @Test
    void emptiedFileStaysEmpty() throws IOException {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, "tokens: []\n");
        TokenStore.Initialized init = TokenStore.initialize(file);
        assertThat(init.issued()).isEmpty();
        assertThat(init.store().names()).isEmpty();
    }

    @Test
    void malformedEntriesAreRejected() throws IOException {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, "tokens:\n- name: ci\n  sha256: abc\n  roles: [operator]\n");
        assertThatThrownBy(() -> TokenStore.initialize(file))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("token 'ci': sha256 must be 64 hex digits");
        Files.writeString(file, "tokens:\n- name: ci\n  hash: abc\n");
        assertThatThrownBy(() -> TokenStore.initialize(file)).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void issuedTokensDoNotPrintTheirSecret() {
        IssuedToken t = TokenStore.initialize(dir.resolve("t.yaml")).issued().get(0);
        assertThat(t.toString()).doesNotContain(t.token()).contains("admin");
    }
}
