package io.slipway.engine.design.model;

/** Elements of named-object lists that inherit by name ({@code !name} removes). */
public interface Named {
    String name();
}
