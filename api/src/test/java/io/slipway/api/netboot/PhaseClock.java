package io.slipway.api.netboot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times a VM deployment from the outside: the BMC's chassis log gives the power-ons (epoch seconds,
 * written by the chassis script), and the serial console is polled for the agent's and the test OS's
 * markers, each stamped when first seen. Polling every 250 ms; a daemon thread, stopped by close.
 */
final class PhaseClock implements AutoCloseable {
    static final Map<String, String> MARKERS = new LinkedHashMap<>();

    static {
        MARKERS.put("agent", "slipway-agent: node ");
        MARKERS.put("inventory", "slipway-agent: inventory success");
        MARKERS.put("image-start", "slipway-agent: write-image running");
        MARKERS.put("installed", "slipway-agent: seed success");
        MARKERS.put("booted", "slipway-testos: user-data script exit");
    }

    private final List<VmNode> nodes;
    private final Map<String, Map<String, Double>> seen = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    PhaseClock(List<VmNode> nodes) {
        this.nodes = nodes;
        nodes.forEach(n -> seen.put(n.name, new ConcurrentHashMap<>()));
        thread = new Thread(this::loop, "phase-clock");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            for (VmNode n : nodes) {
                try {
                    String console = n.console();
                    double now = System.currentTimeMillis() / 1000.0;
                    MARKERS.forEach((k, m) -> {
                        if (console.contains(m)) {
                            seen.get(n.name).putIfAbsent(k, now);
                        }
                    });
                } catch (IOException ignored) {
                    // the console appears with the VM
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Epoch seconds of the first "start boot=WHAT" the node's BMC logged, or NaN. */
    static double powerOn(VmNode n, String what) throws IOException {
        for (String line : n.actions()) {
            String[] f = line.split(" ");
            if (f.length >= 3 && f[1].equals("start") && f[2].equals("boot=" + what)) {
                return Double.parseDouble(f[0]);
            }
        }
        return Double.NaN;
    }

    /** Per node: power-on -> agent, inventory, image write, installed -> disk power-on, disk boot -> booted. */
    List<double[]> phases() throws IOException {
        List<double[]> out = new ArrayList<>();
        for (VmNode n : nodes) {
            Map<String, Double> s = seen.get(n.name);
            double pxe = powerOn(n, "pxe");
            double disk = powerOn(n, "default");
            out.add(new double[] {
                get(s, "agent") - pxe,
                get(s, "inventory") - get(s, "agent"),
                get(s, "installed") - get(s, "image-start"),
                disk - get(s, "installed"),
                get(s, "booted") - disk,
                pxe,
                get(s, "booted")
            });
        }
        return out;
    }

    private static double get(Map<String, Double> s, String k) {
        return s.getOrDefault(k, Double.NaN);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
