package io.slipway.drivers.ipmi.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.slipway.drivers.ipmi.client.IpmiResponse;
import io.slipway.drivers.spi.BootDevice;
import io.slipway.drivers.spi.BootMode;
import io.slipway.drivers.spi.BootOptions;
import io.slipway.drivers.spi.DriverException;
import java.util.HexFormat;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class CommandCodecTest {

    @Test
    void bootFlagsEncodePersistenceAndEfi() {
        var rq = Chassis.setBootFlags(new BootOptions(BootDevice.PXE, true, BootMode.EFI));
        assertThat(HexFormat.of().formatHex(rq.data())).isEqualTo("05e004000000");
        assertThat(HexFormat.of()
                        .formatHex(Chassis.setBootFlags(BootOptions.once(BootDevice.DISK))
                                .data()))
                .isEqualTo("058008000000");
    }

    @Test
    void bootDeviceIsReadEvenWhenTheValidBitIsClear() {
        // as recorded from a BMC that keeps the device but not the flags
        var rsp = new IpmiResponse(0, HexFormat.of().parseHex("01050004000000"));
        assertThat(Chassis.bootFlags(rsp)).isEqualTo(BootOptions.once(BootDevice.PXE));
    }

    @Test
    void deviceIdDecodesVersionsAndIds() {
        var rsp = new IpmiResponse(0, HexFormat.of().parseHex("0003090802" + "9f911200020f"));
        DeviceId id = DeviceId.parse(rsp);
        assertThat(id.firmware()).isEqualTo("9.08");
        assertThat(id.ipmiVersion()).isEqualTo("2.0");
        assertThat(id.manufacturerId()).isEqualTo(4753);
        assertThat(id.productId()).isEqualTo(0x0f02);
    }

    @Test
    void fruImagesRoundTrip() {
        Map<String, String> fields = Map.of(
                "chassis.serial",
                "CHS-1",
                "board.manufacturer",
                "Acme",
                "board.product",
                "B1",
                "product.name",
                "Server",
                "product.serial",
                "SN42",
                "product.assetTag",
                "A-7");
        assertThat(Fru.parse(Fru.build(fields))).containsAllEntriesOf(fields);
    }

    @Test
    void sensorRecordsRoundTripAndConvert() {
        SensorRecord fan = new SensorRecord(0x20, 0, 3, "Fan1", 0, 18, 0, 100, 0, 0, 0);
        SensorRecord parsed = SensorRecord.parse(fan.encode(7)).orElseThrow();
        assertThat(parsed).isEqualTo(fan);
        assertThat(parsed.convert(60)).isCloseTo(6000, within(0.001));
        SensorRecord volts = new SensorRecord(0x20, 0, 4, "12V", 2, 4, 0, 6, -3, 1, -2);
        assertThat(SensorRecord.parse(volts.encode(1)).orElseThrow().convert(0xFE))
                .isCloseTo(-0.42, within(1e-9));
    }

    @Test
    void completionCodesBecomeTypedFailures() {
        var e = Assertions.catchThrowableOfType(
                DriverException.class,
                () -> CompletionCodes.require(new IpmiResponse(0xD4, new byte[0]), "Chassis Control"));
        assertThat(e.kind()).isEqualTo(DriverException.Kind.AUTH);
        assertThat(e.completionCode()).hasValue(0xD4);
        assertThat(CompletionCodes.kind(0xC1)).isEqualTo(DriverException.Kind.UNSUPPORTED);
        assertThat(CompletionCodes.kind(0xCC)).isEqualTo(DriverException.Kind.REFUSED);
        assertThat(CompletionCodes.retriable(0xC0)).isTrue();
    }
}
