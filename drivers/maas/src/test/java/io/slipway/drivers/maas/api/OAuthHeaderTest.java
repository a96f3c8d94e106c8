package io.slipway.drivers.maas.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OAuthHeaderTest {

    @Test
    void plaintextSignatureIsAmpersandSecret() {
        String header = OAuthHeader.of(MaasApiKey.parse("ck:tk:sec"), "n1", 1700000000L);
        assertThat(header)
                .startsWith("OAuth oauth_version=\"1.0\"")
                .contains(
                        "oauth_signature_method=\"PLAINTEXT\"",
                        "oauth_consumer_key=\"ck\"",
                        "oauth_token=\"tk\"",
                        "oauth_signature=\"%26sec\"",
                        "oauth_nonce=\"n1\"",
                        "oauth_timestamp=\"1700000000\"");
    }

    @Test
    void eachHeaderHasAFreshNonce() {
        MaasApiKey key = MaasApiKey.parse("ck:tk:sec");
        assertThat(OAuthHeader.of(key)).isNotEqualTo(OAuthHeader.of(key));
    }

    @Test
    void malformedKeysAreRejectedWithoutEchoingThem() {
        assertThatThrownBy(() -> MaasApiKey.parse("only:two"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("only:two");
        assertThatThrownBy(() -> MaasApiKey.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MaasApiKey.parse("a:b:secret").toString()).doesNotContain("secret");
    }
}
