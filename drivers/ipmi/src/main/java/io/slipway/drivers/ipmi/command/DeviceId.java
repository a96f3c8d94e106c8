package io.slipway.drivers.ipmi.command;

import io.slipway.drivers.ipmi.client.IpmiRequest;
import io.slipway.drivers.ipmi.client.IpmiResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Get Device ID (App netFn 0x06, cmd 0x01, IPMI 2.0 §20.1). */
public record DeviceId(
        int deviceId, int revision, String firmware, String ipmiVersion, int manufacturerId, int productId) {

    public static IpmiRequest request() {
        return IpmiRequest.of(0x06, 0x01);
    }

    public static DeviceId parse(IpmiResponse rsp) {
        if (rsp.data().length < 11) {
            throw new IllegalArgumentException("Get Device ID answer too short");
        }
        String firmware = (rsp.u8(2) & 0x7F) + "." + String.format("%02x", rsp.u8(3));
        String ipmi = (rsp.u8(4) & 0x0F) + "." + (rsp.u8(4) >> 4);
        int manufacturer = rsp.u8(6) | rsp.u8(7) << 8 | (rsp.u8(8) & 0x0F) << 16;
        int product = rsp.u8(9) | rsp.u8(10) << 8;
        return new DeviceId(rsp.u8(0), rsp.u8(1) & 0x0F, firmware, ipmi, manufacturer, product);
    }

    /** The facts as {@code OobInventory.device()} entries. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("deviceId", Integer.toString(deviceId));
        m.put("deviceRevision", Integer.toString(revision));
        m.put("firmware", firmware);
        m.put("ipmiVersion", ipmiVersion);
        m.put("manufacturerId", Integer.toString(manufacturerId));
        m.put("productId", String.format("0x%04x", productId));
        return m;
    }
}
