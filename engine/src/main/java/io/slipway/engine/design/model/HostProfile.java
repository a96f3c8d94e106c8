package io.slipway.engine.design.model;

import io.slipway.engine.design.DocRef;

/** {@code drydock/HostProfile/v1}: a reusable, inheritable set of host settings. */
public record HostProfile(DocRef doc, String name, HostSpec spec) {}
