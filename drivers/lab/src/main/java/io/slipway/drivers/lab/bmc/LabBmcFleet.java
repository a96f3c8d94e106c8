package io.slipway.drivers.lab.bmc;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Many lab BMCs started and stopped together, e.g. a simulated site or a scale benchmark. */
public final class LabBmcFleet {

    private final List<LabBmc> bmcs;

    private LabBmcFleet(List<LabBmc> bmcs) {
        this.bmcs = List.copyOf(bmcs);
    }

    /** Starts {@code count} BMCs, the i-th configured by {@code config.apply(i)}. */
    public static Future<LabBmcFleet> start(Vertx vertx, int count, IntFunction<LabBmcConfig> config) {
        List<Future<LabBmc>> starting = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            starting.add(LabBmc.start(vertx, config.apply(i)));
        }
        return Future.all(starting).map(all -> new LabBmcFleet(all.list()));
    }

    public List<LabBmc> bmcs() {
        return bmcs;
    }

    public LabBmc get(int index) {
        return bmcs.get(index);
    }

    public int size() {
        return bmcs.size();
    }

    public Future<Void> stop() {
        return Future.all(bmcs.stream().map(LabBmc::stop).toList()).mapEmpty();
    }
}
