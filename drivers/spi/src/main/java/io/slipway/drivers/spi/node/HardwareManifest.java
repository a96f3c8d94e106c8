package io.slipway.drivers.spi.node;

import java.util.Map;

/**
 * What commissioning found: the raw inventory (stored as build data) and a short summary.
 *
 * @param generator what produced {@code data}, e.g. {@code lshw} or {@code lldp}
 * @param format {@code json}, {@code xml} or {@code text}
 * @param data the raw document
 * @param summary a few normalised facts: {@code cpus}, {@code memory_mib}, {@code disks}, {@code nics}, ...
 */
public record HardwareManifest(String generator, String format, String data, Map<String, String> summary) {}
