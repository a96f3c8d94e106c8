package io.slipway.drivers.ipmi.command;

import io.slipway.drivers.ipmi.client.IpmiRequest;
import io.slipway.drivers.ipmi.client.IpmiResponse;
import io.slipway.drivers.spi.BootDevice;
import io.slipway.drivers.spi.BootMode;
import io.slipway.drivers.spi.BootOptions;
import io.slipway.drivers.spi.PowerAction;
import io.slipway.drivers.spi.PowerState;

/**
 * Chassis commands (netFn 0x00): Get Chassis Status (§28.2), Chassis Control (§28.3) and the boot
 * flags parameter (5) of Set/Get System Boot Options (§28.12–28.13).
 */
public final class Chassis {

    public static final int NETFN = 0x00;
    public static final int GET_STATUS = 0x01;
    public static final int CONTROL = 0x02;
    public static final int SET_BOOT_OPTIONS = 0x08;
    public static final int GET_BOOT_OPTIONS = 0x09;
    public static final int BOOT_FLAGS = 5;

    public static final int CONTROL_OFF = 0x00;
    public static final int CONTROL_ON = 0x01;
    public static final int CONTROL_CYCLE = 0x02;
    public static final int CONTROL_RESET = 0x03;
    public static final int CONTROL_SOFT = 0x05;

    private Chassis() {}

    public static IpmiRequest getStatus() {
        return IpmiRequest.of(NETFN, GET_STATUS);
    }

    public static PowerState power(IpmiResponse rsp) {
        return (rsp.u8(0) & 0x01) != 0 ? PowerState.ON : PowerState.OFF;
    }

    public static IpmiRequest control(PowerAction action) {
        int code = switch (action) {
            case ON -> CONTROL_ON;
            case OFF -> CONTROL_OFF;
            case CYCLE -> CONTROL_CYCLE;
            case RESET -> CONTROL_RESET;
            case SOFT_OFF -> CONTROL_SOFT;
        };
        return IpmiRequest.action(NETFN, CONTROL, code);
    }

    /** Boot flags: valid bit, persistence and EFI in byte 1, device selector in byte 2. */
    public static IpmiRequest setBootFlags(BootOptions options) {
        int flags = 0x80 | (options.persistent() ? 0x40 : 0) | (options.mode() == BootMode.EFI ? 0x20 : 0);
        return IpmiRequest.action(
                NETFN, SET_BOOT_OPTIONS, BOOT_FLAGS, flags, deviceCode(options.device()) << 2, 0, 0, 0);
    }

    public static IpmiRequest getBootFlags() {
        return IpmiRequest.of(NETFN, GET_BOOT_OPTIONS, BOOT_FLAGS, 0, 0);
    }

    /**
     * Decodes parameter 5. Some BMCs report the device with the "valid" bit clear and keep no
     * persistence; the device is reported anyway, since it is what the BMC will use, and persistence
     * reads as "next boot only".
     */
    public static BootOptions bootFlags(IpmiResponse rsp) {
        if (rsp.data().length < 4 || (rsp.u8(1) & 0x7F) != BOOT_FLAGS) {
            throw new IllegalArgumentException("unexpected boot options answer");
        }
        int flags = rsp.u8(2);
        BootDevice device = device((rsp.u8(3) >> 2) & 0x0F);
        boolean valid = (flags & 0x80) != 0;
        return new BootOptions(
                device, valid && (flags & 0x40) != 0, (flags & 0x20) != 0 ? BootMode.EFI : BootMode.LEGACY);
    }

    /**
     * Parameter 5 as read back, with whether the BMC marked the flags valid: a BMC that clears the
     * bit reports the device only, so persistence and mode cannot be checked against it.
     */
    public record BootFlags(BootOptions options, boolean valid) {}

    public static BootFlags readBack(IpmiResponse rsp) {
        return new BootFlags(bootFlags(rsp), (rsp.u8(2) & 0x80) != 0);
    }

    static int deviceCode(BootDevice device) {
        return switch (device) {
            case NONE -> 0x0;
            case PXE -> 0x1;
            case DISK -> 0x2;
            case CDROM -> 0x5;
            case BIOS -> 0x6;
        };
    }

    static BootDevice device(int code) {
        return switch (code) {
            case 0x1 -> BootDevice.PXE;
            case 0x2, 0x3 -> BootDevice.DISK;
            case 0x5 -> BootDevice.CDROM;
            case 0x6 -> BootDevice.BIOS;
            default -> BootDevice.NONE;
        };
    }
}
