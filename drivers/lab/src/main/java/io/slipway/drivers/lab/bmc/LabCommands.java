package io.slipway.drivers.lab.bmc;

import io.slipway.drivers.ipmi.command.Fru;
import io.slipway.drivers.ipmi.rmcp.CipherSuite;
import io.slipway.drivers.ipmi.rmcp.LanMessage;
import io.slipway.drivers.spi.BootDevice;
import io.slipway.drivers.spi.BootMode;
import io.slipway.drivers.spi.BootOptions;
import io.slipway.drivers.spi.PowerState;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;

/** The IPMI commands a lab BMC implements, answered from its {@link LabChassis} and config. */
final class LabCommands {

    private static final int OPERATOR = 3;
    private static final int INVALID_COMMAND = 0xC1;
    private static final int INSUFFICIENT_PRIVILEGE = 0xD4;

    private final LabBmcConfig config;
    private final LabChassis chassis;
    private final byte[] fru;
    private final LabSdr sdr;

    LabCommands(LabBmcConfig config, LabChassis chassis) {
        this.config = config;
        this.chassis = chassis;
        this.fru = Fru.build(config.fru());
        this.sdr = new LabSdr(config.sensors());
    }

    /** Sessionless requests: only the two discovery commands are answered. */
    Optional<LanMessage> sessionless(LanMessage rq) {
        if (rq.netFn() == 0x06 && rq.cmd() == 0x38) {
            return Optional.of(ok(rq, 0x01, 0x80 | 0x04, 0x04, 0x02, 0, 0, 0, 0));
        }
        if (rq.netFn() == 0x06 && rq.cmd() == 0x54 && config.answerCipherSuiteQuery() && rq.data().length >= 3) {
            return Optional.of(cipherSuites(rq, rq.data()[2] & 0x3F));
        }
        return Optional.empty();
    }

    LanMessage handle(LabSession s, LanMessage rq) {
        return switch (rq.netFn() << 8 | rq.cmd()) {
            case 0x0601 -> ok(rq, 0x20, 0x01, 0x01, 0x00, 0x02, 0x9F, 0xB1, 0xC8, 0x00, 0x01, 0x00);
            case 0x063B -> setPrivilege(s, rq);
            case 0x0001 -> ok(rq, chassis.power() == PowerState.ON ? 0x01 : 0x00, 0x00, 0x00);
            case 0x0002 -> s.privilege < OPERATOR ? fail(rq, INSUFFICIENT_PRIVILEGE) : control(rq);
            case 0x0008 -> s.privilege < OPERATOR ? fail(rq, INSUFFICIENT_PRIVILEGE) : setBoot(rq);
            case 0x0009 -> getBoot(rq);
            case 0x0A10 -> ok(rq, fru.length & 0xFF, fru.length >> 8, 0x00);
            case 0x0A11 -> readFru(rq);
            case 0x0A22, 0x0A23 -> sdr.handle(rq);
            case 0x042D -> sdr.reading(rq);
            default -> fail(rq, INVALID_COMMAND);
        };
    }

    private LanMessage setPrivilege(LabSession s, LanMessage rq) {
        int wanted = rq.data().length > 0 ? rq.data()[0] & 0x0F : 0;
        if (wanted == 0) {
            return ok(rq, s.privilege);
        }
        if (wanted > (s.role & 0x0F) || wanted > 4) {
            return fail(rq, 0x81);
        }
        s.privilege = wanted;
        return ok(rq, wanted);
    }

    private LanMessage control(LanMessage rq) {
        switch (rq.data().length > 0 ? rq.data()[0] : -1) {
            case 0 -> chassis.powerOff("power off");
            case 1 -> chassis.powerOn();
            case 2 -> chassis.cycle();
            case 3 -> chassis.reset();
            case 5 -> chassis.powerOff("soft off");
            default -> {
                return fail(rq, 0xCC);
            }
        }
        return ok(rq);
    }

    private LanMessage setBoot(LanMessage rq) {
        byte[] d = rq.data();
        int param = d.length > 0 ? d[0] & 0x7F : -1;
        if (param != 5) {
            return param >= 0 && param <= 7 ? ok(rq) : fail(rq, 0x80); // progress/ack parameters: accept
        }
        if (d.length < 3) {
            return fail(rq, 0xC7);
        }
        BootDevice device = switch ((d[2] >> 2) & 0x0F) {
            case 1 -> BootDevice.PXE;
            case 2, 3 -> BootDevice.DISK;
            case 5 -> BootDevice.CDROM;
            case 6 -> BootDevice.BIOS;
            default -> BootDevice.NONE;
        };
        chassis.boot(new BootOptions(device, (d[1] & 0x40) != 0, (d[1] & 0x20) != 0 ? BootMode.EFI : BootMode.LEGACY));
        return ok(rq);
    }

    private LanMessage getBoot(LanMessage rq) {
        BootOptions b = chassis.boot();
        int code = switch (b.device()) {
            case NONE -> 0;
            case PXE -> 1;
            case DISK -> 2;
            case CDROM -> 5;
            case BIOS -> 6;
        };
        int flags = (b.device() == BootDevice.NONE ? 0 : 0x80)
                | (b.persistent() ? 0x40 : 0)
                | (b.mode() == BootMode.EFI ? 0x20 : 0);
        return ok(rq, 0x01, 0x05, flags, code << 2, 0, 0, 0);
    }

    private LanMessage readFru(LanMessage rq) {
        byte[] d = rq.data();
        if (d.length < 4 || d[0] != 0) {
            return fail(rq, 0xCB);
        }
        int offset = (d[1] & 0xFF) | (d[2] & 0xFF) << 8;
        int count = d[3] & 0xFF;
        if (count > config.maxFruRead()) {
            return fail(rq, 0xCA);
        }
        int n = Math.max(0, Math.min(count, fru.length - offset));
        byte[] out = new byte[1 + n];
        out[0] = (byte) n;
        System.arraycopy(fru, Math.min(offset, fru.length), out, 1, n);
        return LanMessage.response(rq, 0, out);
    }

    private LanMessage cipherSuites(LanMessage rq, int page) {
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        config.cipherSuites().stream()
                .sorted()
                .map(CipherSuite::byId)
                .flatMap(Optional::stream)
                .forEach(s -> records.writeBytes(new byte[] {
                    (byte) 0xC0,
                    (byte) s.id(),
                    (byte) s.authAlgorithm(),
                    (byte) (0x40 | s.integrityAlgorithm()),
                    (byte) (0x80 | s.confidentialityAlgorithm())
                }));
        byte[] all = records.toByteArray();
        int from = Math.min(all.length, page * 16);
        byte[] slice = Arrays.copyOfRange(all, from, Math.min(all.length, from + 16));
        byte[] out = new byte[1 + slice.length];
        out[0] = 0x01;
        System.arraycopy(slice, 0, out, 1, slice.length);
        return LanMessage.response(rq, 0, out);
    }

    static LanMessage ok(LanMessage rq, int... data) {
        byte[] bytes = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            bytes[i] = (byte) data[i];
        }
        return LanMessage.response(rq, 0, bytes);
    }

    static LanMessage fail(LanMessage rq, int completionCode) {
        return LanMessage.response(rq, completionCode, new byte[0]);
    }
}
