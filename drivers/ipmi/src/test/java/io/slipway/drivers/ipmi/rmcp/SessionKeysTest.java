package io.slipway.drivers.ipmi.rmcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Known answers from a recorded RMCP+ session between an independent client and OpenIPMI's {@code
 * ipmi_sim} (cipher suite 3, user admin, password "password").
 */
class SessionKeysTest {

    static final HexFormat HEX = HexFormat.of();
    static final int CONSOLE_SID = 0x2A35F13B;
    static final int BMC_SID = 0x5502;
    static final byte[] RC = HEX.parseHex("994dfb50a71572f241212f09c9cf5c37");
    static final byte[] RM = HEX.parseHex("fe1b043deab28253a2fc61646f7e53ff");
    static final byte[] GUID = HEX.parseHex("00000001c9c2ace2e3d10308d56c7a07");
    static final int ROLE = 0x14;
    static final byte[] KUID = SessionKeys.kuid("password");

    @Test
    void rakp2CodeMatchesTheBmc() {
        byte[] code =
                SessionKeys.rakp2Code(CipherSuite.SUITE_3, KUID, CONSOLE_SID, BMC_SID, RC, RM, GUID, ROLE, "admin");
        assertThat(HEX.formatHex(code)).isEqualTo("60a32ddda4acd12be62226c900bb58185ca269d6");
    }

    @Test
    void rakp3CodeMatchesTheClient() {
        byte[] code = SessionKeys.rakp3Code(CipherSuite.SUITE_3, KUID, RM, CONSOLE_SID, ROLE, "admin");
        assertThat(HEX.formatHex(code)).isEqualTo("4e820b5bc02d9364ddbc3b51b7c7bfb68337dbc2");
    }

    @Test
    void rakp4IcvMatchesTheBmc() {
        SessionKeys keys = SessionKeys.derive(CipherSuite.SUITE_3, KUID, RC, RM, ROLE, "admin");
        assertThat(HEX.formatHex(keys.rakp4Icv(RC, BMC_SID, GUID))).isEqualTo("63059da89cce85553d635087");
    }

    @Test
    void suite17UsesSha256Lengths() {
        SessionKeys keys = SessionKeys.derive(CipherSuite.SUITE_17, KUID, RC, RM, ROLE, "admin");
        assertThat(keys.k1()).hasSize(32);
        assertThat(keys.rakp4Icv(RC, BMC_SID, GUID)).hasSize(16);
        assertThat(keys.aesKey()).hasSize(16);
    }
}
