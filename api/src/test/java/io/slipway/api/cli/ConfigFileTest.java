package io.slipway.api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConfigFileTest {
    @TempDir
    Path dir;

    private ServeCommand parse(String yaml, String... args) throws Exception {
        Path file = dir.resolve("slipway.yaml");
        Files.writeString(file, yaml);
        CommandLine cli = Main.commandLine();
        cli.setDefaultValueProvider(ConfigFileDefaults.load(file));
        cli.parseArgs(args);
        return cli.getSubcommands().get("serve").getCommand();
    }

    @Test
    void fileValuesBecomeOptionDefaultsAndTheCommandLineWins() throws Exception {
        ServeCommand s = parse("""
        port: 9123
        bind: 0.0.0.0
        node-driver-config: {url: "http://maas:5240/MAAS", apiKey: "a:b:c"}
        cluster-members: "10.0.0.1:5701, 10.0.0.2:5701"
        lease-ms: 8000
        """, "serve", "--bind", "127.0.0.2");
        assertEquals(9123, s.options.port);
        assertEquals("127.0.0.2", s.options.bind);
        assertEquals("http://maas:5240/MAAS", new JsonObject(s.options.nodeDriverConfig).getString("url"));
        var election = s.options.election();
        assertEquals(List.of("10.0.0.1:5701", "10.0.0.2:5701"), election.members());
        assertNull(election.address(), "a real cluster picks its interface");
        assertEquals(8000, election.leaseMs());
    }

    @Test
    void aLoneInstanceStaysOnLoopback() throws Exception {
        var election = parse("{}\n", "serve").options.election();
        assertTrue(election.members().isEmpty());
        assertEquals("127.0.0.1", election.address());
    }

    @Test
    void anUnknownKeyIsNamedWithItsFile() throws Exception {
        Path file = dir.resolve("slipway.yaml");
        Files.writeString(file, "prot: 9000\n");
        CommandLine cli = Main.commandLine();
        cli.setDefaultValueProvider(ConfigFileDefaults.load(file));
        cli.parseArgs("serve");
        CommandLine serve = cli.getSubcommands().get("serve");
        var e = assertThrows(
                CommandLine.ParameterException.class, () -> ConfigFileDefaults.verify(serve.getCommandSpec()));
        assertTrue(e.getMessage().contains("slipway.yaml") && e.getMessage().contains("prot"), e.getMessage());
    }

    @Test
    void aBrokenFileIsRefusedWithItsName() throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "port: [9000\n");
        var e = assertThrows(IllegalArgumentException.class, () -> ConfigFileDefaults.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        Files.writeString(file, "- port\n");
        assertThrows(IllegalArgumentException.class, () -> ConfigFileDefaults.load(file));
    }

    @Test
    void aLeaseShorterThanTwoRenewalsIsRefused() throws Exception {
        ServeCommand s = parse("lease-ms: 1000\nrenew-ms: 900\n", "serve");
        assertThrows(IllegalArgumentException.class, s.options::election);
    }
}
