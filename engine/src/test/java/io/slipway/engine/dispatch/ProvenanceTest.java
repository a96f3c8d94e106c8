package io.slipway.engine.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
    static final JsonObject MAAS = new JsonObject().put("node", "maas@http://127.0.0.1:5240/MAAS");
    static final JsonObject PLACE = new JsonObject().put("site", "lab").put("oob", "ipmi@127.0.0.1:623");

    @Test
    void aStampIsTrustedOnlyUnderTheSameDriversSiteAndBmc() {
        Provenance real = Provenance.of("maas@http://127.0.0.1:5240/MAAS", false, MAAS);
        JsonObject stamp = real.stamp(PLACE);
        assertThat(real.trusts(stamp, PLACE)).isTrue();
        assertThat(real.trusts(stamp, null))
                .as("place unknown: the drivers decide")
                .isTrue();
        assertThat(real.trusts(stamp, PLACE.copy().put("oob", "ipmi@127.0.0.1:624")))
                .isFalse();
        assertThat(real.trusts(stamp, PLACE.copy().put("site", "other"))).isFalse();
        assertThat(real.trusts(null, PLACE))
                .as("state written before stamps existed")
                .isFalse();

        Provenance simulated = Provenance.of("lab (simulated)", true, new JsonObject().put("node", "lab@"));
        assertThat(real.trusts(simulated.stamp(PLACE), PLACE)).isFalse();
        assertThat(Provenance.of("x", true, MAAS).fingerprint())
                .as("simulation changes the fingerprint")
                .isNotEqualTo(real.fingerprint());
    }

    @Test
    void theFingerprintIgnoresKeyOrder() {
        JsonObject a = new JsonObject()
                .put("node", "maas@u")
                .put("network", new JsonObject().put("b", 1).put("a", 2));
        JsonObject b = new JsonObject()
                .put("network", new JsonObject().put("a", 2).put("b", 1))
                .put("node", "maas@u");
        assertThat(Provenance.of("x", false, a)).isEqualTo(Provenance.of("x", false, b));
        assertThat(Provenance.describe(Provenance.of("lab (simulated)", true, a).stamp(PLACE)))
                .isEqualTo("lab (simulated), BMC ipmi@127.0.0.1:623, site lab");
    }
}
