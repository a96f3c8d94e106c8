package io.slipway.drivers.lab.bmc;

import io.slipway.drivers.ipmi.command.SensorRecord;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a simulated BMC looks like from the network.
 *
 * @param host the loopback address to bind
 * @param port the UDP port, 0 for any free one
 * @param cipherSuites the RMCP+ suites offered (3 and/or 17)
 * @param answerCipherSuiteQuery when false, sessionless Get Channel Cipher Suites goes unanswered,
 *     as some BMCs do
 * @param maxFruRead the largest Read FRU Data count accepted; larger reads get completion code 0xCA
 * @param fru inventory fields (keys as {@code io.slipway.drivers.ipmi.command.Fru} parses them)
 * @param sensors analog sensors and their raw readings
 */
public record LabBmcConfig(
        String host,
        int port,
        String username,
        String password,
        Set<Integer> cipherSuites,
        boolean answerCipherSuiteQuery,
        int maxFruRead,
        Map<String, String> fru,
        List<Sensor> sensors) {

    /** A sensor record and its current raw value. */
    public record Sensor(SensorRecord record, int raw) {}

    public LabBmcConfig {
        cipherSuites = Set.copyOf(cipherSuites);
        fru = Map.copyOf(fru);
        sensors = List.copyOf(sensors);
    }

    /** A BMC on 127.0.0.1 with a free port, user admin/password, suites 3 and 17. */
    public static LabBmcConfig defaults(String serial) {
        return new LabBmcConfig(
                "127.0.0.1",
                0,
                "admin",
                "password",
                Set.of(3, 17),
                true,
                32,
                Map.of(
                        "board.manufacturer",
                        "Slipway Lab",
                        "board.product",
                        "Lab Board",
                        "product.manufacturer",
                        "Slipway Lab",
                        "product.name",
                        "Lab Server",
                        "product.serial",
                        serial),
                List.of(
                        new Sensor(new SensorRecord(0x20, 0, 1, "CPU Temp", 0, 1, 0, 1, 0, 0, 0), 45),
                        new Sensor(new SensorRecord(0x20, 0, 2, "Fan1", 0, 18, 0, 100, 0, 0, 0), 60)));
    }

    public LabBmcConfig withPort(int newPort) {
        return new LabBmcConfig(
                host, newPort, username, password, cipherSuites, answerCipherSuiteQuery, maxFruRead, fru, sensors);
    }

    public LabBmcConfig withPassword(String newPassword) {
        return new LabBmcConfig(
                host, port, username, newPassword, cipherSuites, answerCipherSuiteQuery, maxFruRead, fru, sensors);
    }

    public LabBmcConfig withCipherSuites(Set<Integer> suites, boolean answerQuery) {
        return new LabBmcConfig(host, port, username, password, suites, answerQuery, maxFruRead, fru, sensors);
    }

    public LabBmcConfig withMaxFruRead(int max) {
        return new LabBmcConfig(
                host, port, username, password, cipherSuites, answerCipherSuiteQuery, max, fru, sensors);
    }
}
