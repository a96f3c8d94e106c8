package io.slipway.engine.design;

import org.yaml.snakeyaml.nodes.Node;

/** A document that is well-formed YAML but cannot be processed (Drydock's DD000). */
final class DocumentProcessingException extends RuntimeException {
    private final transient Node node;

    DocumentProcessingException(String message, Node node) {
        super(message);
        this.node = node;
    }

    Node node() {
        return node;
    }
}
