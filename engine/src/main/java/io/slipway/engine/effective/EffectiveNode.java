package io.slipway.engine.effective;

import io.slipway.engine.design.DocRef;
import io.slipway.engine.design.model.BaremetalNode.Address;
import io.slipway.engine.design.model.HardwareProfile;
import io.slipway.engine.design.model.HostInterface;
import io.slipway.engine.design.model.HostSpec;
import io.slipway.engine.design.model.Storage;
import java.util.List;
import java.util.Map;

/**
 * A node with everything inherited filled in: the profile chain applied, hardware-profile references
 * in kernel parameters resolved, its DNS domain and the boot actions that target it.
 *
 * @param ordinal position of the node in the design (stable ordering for rules and output)
 * @param profileChain host profiles applied, nearest first
 */
public record EffectiveNode(
        int ordinal,
        DocRef doc,
        String name,
        HostSpec spec,
        List<String> profileChain,
        HardwareProfile hardware,
        List<Address> addressing,
        String bootMac,
        String domain,
        Map<String, String> kernelParams,
        List<String> bootActions) {

    public String fqdn() {
        return name + "." + domain;
    }

    public String rack() {
        return spec.rack();
    }

    public String oobType() {
        return spec.oobType();
    }

    public Map<String, String> oobParameters() {
        return spec.oobParameters();
    }

    public List<String> tags() {
        return spec.tags();
    }

    public Map<String, String> ownerData() {
        return spec.ownerData();
    }

    public List<HostInterface> interfaces() {
        return spec.interfaces() == null ? List.of() : spec.interfaces();
    }

    public Storage storage() {
        return spec.storage() == null ? Storage.empty() : spec.storage();
    }

    public String image() {
        return spec.image();
    }

    public String kernel() {
        return spec.kernel();
    }

    public String hardwareProfile() {
        return spec.hardwareProfile();
    }

    /** The address on {@code network}, or null. */
    public String addressOn(String network) {
        for (Address a : addressing) {
            if (network.equals(a.network())) {
                return a.address();
            }
        }
        return null;
    }

    /**
     * The BMC's address: the node's address on its {@code oob.network}, else {@code oob.address};
     * null when neither is given.
     */
    public String oobAddress() {
        String net = oobParameters().get("network");
        return net == null ? oobParameters().get("address") : addressOn(net);
    }

    EffectiveNode withBootActions(List<String> actions) {
        return new EffectiveNode(
                ordinal,
                doc,
                name,
                spec,
                profileChain,
                hardware,
                addressing,
                bootMac,
                domain,
                kernelParams,
                List.copyOf(actions));
    }
}
