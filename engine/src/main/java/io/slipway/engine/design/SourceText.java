package io.slipway.engine.design;

/** Raw bytes of one design reference, with the name used in messages (a path or URL). */
public record SourceText(String name, byte[] bytes) {}
