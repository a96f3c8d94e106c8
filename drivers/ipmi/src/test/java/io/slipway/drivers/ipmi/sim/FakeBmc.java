package io.slipway.drivers.ipmi.sim;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * pyghmi's {@code fakebmc} (Debian {@code python3-pyghmi}) bound to loopback, as a second IPMI
 * peer. The launcher script is written to a temporary file at start. Optional everywhere: CI does
 * not install pyghmi, so a missing pyghmi skips rather than fails.
 */
public final class FakeBmc implements AutoCloseable {

    private static final String PYTHON = "/usr/bin/python3";
    private static final String SCRIPT = """
      import sys
      from pyghmi.ipmi import bmc
      from pyghmi.cmd.fakebmc import FakeBmc

      class LoopbackBmc(FakeBmc):
          def __init__(self, authdata, port):
              bmc.Bmc.__init__(self, authdata, port=port, address='127.0.0.1')
              self.powerstate = 'off'
              self.bootdevice = 'default'

          def power_cycle(self):
              self.power_off()
              self.power_on()

      LoopbackBmc({'admin': 'password'}, int(sys.argv[1])).listen()
      """;

    private final Process process;
    private final Path script;
    private final int port;

    private FakeBmc(Process process, Path script, int port) {
        this.process = process;
        this.script = script;
        this.port = port;
    }

    public static void requireOrSkip() throws IOException, InterruptedException {
        boolean ok = Files.isExecutable(Path.of(PYTHON))
                && new ProcessBuilder(PYTHON, "-c", "import pyghmi.cmd.fakebmc")
                                .start()
                                .waitFor()
                        == 0;
        Assumptions.assumeTrue(ok, "pyghmi not installed (Debian package python3-pyghmi); skipping fakebmc tests");
    }

    public static FakeBmc start() throws IOException {
        Path script = Files.createTempFile("slipway-fakebmc", ".py");
        Files.writeString(script, SCRIPT);
        int port;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(PYTHON, script.toString(), Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        FakeBmc bmc = new FakeBmc(p, script, port);
        try {
            IpmiSim.awaitAnswer(port); // the interpreter takes a while to import pyghmi
        } catch (IOException e) {
            bmc.close();
            throw e;
        }
        return bmc;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        Files.deleteIfExists(script);
    }
}
