package io.slipway.engine.lifecycle;

/**
 * Guard fact: {@code node} is observed and no step runs for it, so a step may start or its state may
 * advance. Inserted only by the guard rules (from {@link NodeObservation} and the absence of {@link
 * InFlight}); advance rules match {@code Idle(node == $n)}.
 */
public record Idle(String node) {}
