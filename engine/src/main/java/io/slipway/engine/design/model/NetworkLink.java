package io.slipway.engine.design.model;

import io.slipway.engine.design.DocRef;
import java.util.List;
import java.util.Map;

/** {@code drydock/NetworkLink/v1}: a physical link (possibly bonded, possibly trunked). */
public record NetworkLink(
        DocRef doc,
        String name,
        Bonding bonding,
        int mtu,
        String linkspeed,
        String trunkingMode,
        String defaultNetwork,
        List<String> allowedNetworks,
        Map<String, String> labels) {

    public static final int DEFAULT_MTU = 1500;

    /** Bond settings; options absent from the document are {@code null}. */
    public record Bonding(
            String mode, String hash, String peerRate, Integer monRate, Integer upDelay, Integer downDelay) {

        public static Bonding disabled() {
            return new Bonding("disabled", null, null, null, null, null);
        }

        public boolean enabled() {
            return !"disabled".equals(mode);
        }
    }

    public boolean trunked() {
        return "802.1q".equals(trunkingMode);
    }

    public String bondMode() {
        return bonding.mode();
    }
}
