package io.slipway.engine.lifecycle;

/** One step of a plan: a driver action ({@code step} set) or a state change ({@code to} set), in order. */
public record PlannedStep(String node, Step step, LifecycleState to, String ruleId) {}
