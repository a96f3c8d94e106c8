package io.slipway.engine.lifecycle;

import io.slipway.drivers.spi.DriverKind;

/**
 * Guard fact: steps of {@code node} that use a driver of {@code kind} must not run now (some {@link
 * Hold} says why). Inserted only by the guard rules; transition rules never match it themselves.
 */
public record Blocked(String node, DriverKind kind) {}
