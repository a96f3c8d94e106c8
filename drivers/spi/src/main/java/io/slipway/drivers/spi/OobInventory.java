package io.slipway.drivers.spi;

import java.util.List;
import java.util.Map;

/**
 * What a management controller says about its node (InterrogateOob).
 *
 * @param power the power state at the time of the call
 * @param device facts about the controller itself, e.g. {@code manufacturerId}, {@code firmware},
 *     {@code ipmiVersion}, {@code model}; keys are driver-defined and documented per driver
 * @param fru inventory fields, e.g. {@code product.serial}, {@code board.manufacturer}
 * @param sensors sensor readings; empty when the controller has none or the driver reads none
 */
public record OobInventory(
        PowerState power, Map<String, String> device, Map<String, String> fru, List<SensorReading> sensors) {

    public OobInventory {
        device = Map.copyOf(device);
        fru = Map.copyOf(fru);
        sensors = List.copyOf(sensors);
    }
}
