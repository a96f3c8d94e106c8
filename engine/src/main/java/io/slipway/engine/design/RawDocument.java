package io.slipway.engine.design;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One {@code drydock/*} document as composed by the YAML parser, before binding: the YAML nodes still
 * carry their line marks (relative to {@code firstLine}, the 0-based line their chunk starts on) so
 * schema problems can point at the exact line.
 */
record RawDocument(String kind, String version, String name, DocRef ref, int firstLine, MappingNode root, Node data) {}
