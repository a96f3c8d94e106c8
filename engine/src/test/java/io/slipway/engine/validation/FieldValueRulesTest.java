package io.slipway.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.TestDesigns;
import io.slipway.engine.design.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NET-040..043: legal values of fields Drydock's schemas leave as free strings. */
class FieldValueRulesTest {
    private static final String NODE = TestDesigns.node("n1", "base", "10.0.0.11");

    private static List<String> ruleIds(String bond, String trunk, String vlan, String rangeType) {
        String extra = """
        ---
        schema: drydock/NetworkLink/v1
        metadata: {name: bond}
        data:
          bonding: {mode: %s}
          trunking: {mode: %s, default_network: pxe2}
          allowed_networks: [pxe2]
        ---
        schema: drydock/Network/v1
        metadata: {name: pxe2}
        data:
          cidr: 10.9.0.0/24
          vlan: '%s'
          ranges: [{type: %s, start: 10.9.0.10, end: 10.9.0.20}]
        """.formatted(bond, trunk, vlan, rangeType);
        return TestDesigns.errors(TestDesigns.validate(TestDesigns.site(NODE + extra))).stream()
                .map(Finding::ruleId)
                .filter(id -> id.compareTo("NET-040") >= 0 && id.compareTo("NET-044") < 0)
                .sorted()
                .toList();
    }

    @Test
    void legalValuesPass() {
        assertThat(ruleIds("802.3ad", "802.1q", "100", "static")).isEmpty();
        assertThat(ruleIds("balance-alb", "disabled", "4094", "dhcp")).isEmpty();
        assertThat(ruleIds("disabled", "disabled", "1", "reserved")).isEmpty();
    }

    @Test
    void aMisspeltBondModeIsAnError() {
        assertThat(ruleIds("balanced-rr", "802.1q", "100", "static")).containsExactly("NET-040");
    }

    @Test
    void anUnknownTrunkingModeIsAnError() {
        assertThat(ruleIds("802.3ad", "tagged", "100", "static")).containsExactly("NET-041");
    }

    @Test
    void anUnknownRangeTypeIsAnError() {
        assertThat(ruleIds("802.3ad", "802.1q", "100", "dynamic")).containsExactly("NET-042");
    }

    @Test
    void aVlanIdOutsideOneTo4094IsAnError() {
        assertThat(ruleIds("802.3ad", "802.1q", "4095", "static")).containsExactly("NET-043");
        assertThat(ruleIds("802.3ad", "802.1q", "0", "static")).containsExactly("NET-043");
        assertThat(ruleIds("802.3ad", "802.1q", "vlan7", "static")).containsExactly("NET-043");
    }
}
