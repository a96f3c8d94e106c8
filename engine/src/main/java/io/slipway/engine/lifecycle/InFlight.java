package io.slipway.engine.lifecycle;

/** A step running for a node right now; at most one per node. */
public record InFlight(String node, Step step) {}
