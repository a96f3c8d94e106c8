package io.slipway.drivers.spi;

/**
 * One sensor value read during interrogation.
 *
 * @param name the controller's sensor name, e.g. {@code CPU Temp}
 * @param value the converted reading, {@link Double#NaN} when the sensor had no reading
 * @param unit a short unit, e.g. {@code C}, {@code RPM}, {@code V}; empty when unknown
 */
public record SensorReading(String name, double value, String unit) {}
