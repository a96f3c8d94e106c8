package io.slipway.drivers.ipmi.bench;

import io.slipway.drivers.ipmi.sim.IpmiSim;
import io.slipway.drivers.ipmi.sim.IpmiSimInstance;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** Runs {@code bench/pyghmi_oob.py} (pyghmi's {@code Command}, 64 threads) against the same BMCs. */
final class PyghmiRun {

    private static final String PYTHON = "/usr/bin/python3";

    private PyghmiRun() {}

    static boolean available() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import pyghmi.ipmi.command")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    static OobScaleBench.Result run(String op, IpmiSim sim, int timeoutS) throws Exception {
        Path script = Files.createTempFile("pyghmi_oob", ".py");
        try (InputStream in = PyghmiRun.class.getResourceAsStream("/bench/pyghmi_oob.py")) {
            Files.write(script, in.readAllBytes());
        }
        List<String> cmd = new ArrayList<>(List.of(
                PYTHON,
                script.toString(),
                op,
                "127.0.0.1",
                IpmiSim.USER,
                IpmiSim.PASSWORD,
                "64",
                String.valueOf(timeoutS)));
        sim.instances().forEach(i -> cmd.add(String.valueOf(i.port())));
        long simCpu =
                sim.instances().stream().mapToLong(IpmiSimInstance::cpuTicks).sum();
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (!p.waitFor(timeoutS + 30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        Files.deleteIfExists(script);
        double simCpuS =
                (sim.instances().stream().mapToLong(IpmiSimInstance::cpuTicks).sum() - simCpu) / 100.0;
        if (out.isEmpty()) {
            return new OobScaleBench.Result(
                    0,
                    sim.instances().size(),
                    timeoutS,
                    0,
                    simCpuS,
                    Map.of("pyghmi printed nothing (exit " + p.exitValue() + ")", 1));
        }
        JsonObject r = new JsonObject(out.substring(out.lastIndexOf('\n') + 1));
        Map<String, Integer> errors = new TreeMap<>();
        r.getJsonObject("errors").forEach(e -> errors.put(e.getKey(), ((Number) e.getValue()).intValue()));
        return new OobScaleBench.Result(
                r.getInteger("ok"),
                sim.instances().size(),
                r.getDouble("wall_s"),
                r.getDouble("cpu_s"),
                simCpuS,
                errors);
    }
}
