package io.slipway.engine.design;

/**
 * Identifies one design document: its schema ({@code drydock/Network/v1}), its name and where it was
 * read from ({@code file:line}, or {@code null} for generated documents).
 */
public record DocRef(String schema, String name, String source) {

    public static DocRef of(String kind, String name, String source) {
        return new DocRef("drydock/" + kind + "/v1", name, source);
    }

    /** The kind part of the schema ({@code Network} for {@code drydock/Network/v1}). */
    public String kind() {
        String[] parts = schema.split("/");
        return parts.length == 3 ? parts[1] : schema;
    }
}
