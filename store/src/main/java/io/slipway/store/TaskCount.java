package io.slipway.store;

/** How many top-level tasks share an action, a status and a result status (for metrics). */
public record TaskCount(String action, String status, String resultStatus, long count) {}
