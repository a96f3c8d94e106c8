package io.slipway.drivers.ipmi.rmcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RmcpPacketTest {

    @Test
    void getChannelAuthCapabilitiesMatchesTheRecordedBytes() {
        byte[] msg = LanMessage.request(0x06, 0x38, 0x0A, new byte[] {(byte) 0x8E, 0x04})
                .encode();
        assertThat(HexFormat.of().formatHex(msg)).isEqualTo("2018c88128388e048d");
        Buffer packet = RmcpPacket.sessionless(msg);
        assertThat(HexFormat.of().formatHex(packet.getBytes(0, 14)))
                .isEqualTo("0600ff07" + "00" + "00000000" + "00000000" + "09");
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void sealedPacketsOpenWithTheSameKeys(CipherSuite suite) {
        SessionKeys keys =
                SessionKeys.derive(suite, SessionKeys.kuid("pw"), Crypto.random(16), Crypto.random(16), 0x14, "u");
        byte[] msg = LanMessage.request(0x00, 0x01, 5, new byte[0]).encode();
        RmcpPacket p = RmcpPacket.parse(RmcpPacket.sealed(keys, 0x1234, 7, msg));
        assertThat(p.authenticated()).isTrue();
        assertThat(p.encrypted()).isTrue();
        assertThat(p.sessionId()).isEqualTo(0x1234);
        assertThat(p.sequence()).isEqualTo(7);
        assertThat((p.raw().length - 4 - suite.icvLength()) % 4).isZero(); // integrity pad aligns the covered range
        assertThat(p.open(keys)).isEqualTo(msg);
    }

    @Test
    void aTamperedPacketIsRejected() {
        SessionKeys keys =
                SessionKeys.derive(CipherSuite.SUITE_3, SessionKeys.kuid("pw"), new byte[16], new byte[16], 4, "u");
        byte[] raw = RmcpPacket.sealed(
                        keys, 1, 1, LanMessage.request(0, 1, 1, new byte[0]).encode())
                .getBytes();
        raw[20] ^= 1;
        assertThatThrownBy(() -> RmcpPacket.parse(Buffer.buffer(raw)).open(keys))
                .isInstanceOf(SecurityException.class);
    }

    @Test
    void responsesRoundTripWithCompletionCode() {
        LanMessage rq = LanMessage.request(0x0A, 0x11, 9, new byte[] {0, 0, 0, 32});
        LanMessage rsp = LanMessage.response(rq, 0xCA, new byte[] {1});
        assertThat(LanMessage.decode(rsp.encode(), true)).isEqualTo(rsp);
        assertThat(LanMessage.decode(rq.encode(), false)).isEqualTo(rq);
    }

    @Test
    void handshakeMessagesRoundTrip() {
        var open = new Handshake.OpenRequest(3, 4, 0x2A35F13B, 1, 1, 1);
        assertThat(Handshake.OpenRequest.decode(open.encode())).isEqualTo(open);
        assertThat(HexFormat.of().formatHex(open.encode()))
                .isEqualTo("030400003bf1352a0000000801000000010000080100000002000008" + "01000000");
        var rakp1 = Handshake.Rakp1.decode(new Handshake.Rakp1(4, 0x5502, new byte[16], 0x14, "admin").encode());
        assertThat(rakp1.username()).isEqualTo("admin");
        assertThat(rakp1.role()).isEqualTo(0x14);
    }
}
