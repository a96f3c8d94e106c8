package io.slipway.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A piece of data collected about a node during a task (hardware inventory, deploy logs, ...).
 * History is kept across redeploys; {@code id} and {@code collected} are assigned by the store when
 * zero/null.
 */
public record BuildData(
        long id, String nodeName, UUID taskId, Instant collected, String generator, String format, String data) {

    public BuildData {
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(data, "data");
    }

    public static BuildData of(String nodeName, UUID taskId, String generator, String format, String data) {
        return new BuildData(0, nodeName, taskId, null, generator, format, data);
    }
}
