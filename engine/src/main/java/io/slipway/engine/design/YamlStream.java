package io.slipway.engine.design;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.Consumer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.reader.UnicodeReader;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Splits a multi-document YAML stream into {@code drydock/*} documents, one at a time so memory
 * stays bounded by the largest document. Documents of other namespaces, or without a three-part
 * {@code schema}, are skipped. Unparseable input throws {@link DesignInputException} naming the
 * file and line.
 */
final class YamlStream {
    private final DesignLimits limits;

    YamlStream(DesignLimits limits) {
        this.limits = limits;
    }

    /**
     * Reads {@code length} bytes from {@code offset}; {@code firstLine} (0-based) is the line of the
     * stream the slice starts on, so every reported line refers to the whole file.
     */
    void read(
            String file,
            byte[] bytes,
            int offset,
            int length,
            int firstLine,
            Consumer<RawDocument> sink,
            Consumer<Finding> notes) {
        Yaml yaml = new Yaml(
                new SafeConstructor(options()), new Representer(new DumperOptions()), new DumperOptions(), options());
        try {
            for (Node root : yaml.composeAll(new UnicodeReader(new ByteArrayInputStream(bytes, offset, length)))) {
                RawDocument doc = toDocument(file, firstLine, root, notes);
                if (doc != null) {
                    sink.accept(doc);
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where =
                    mark == null ? file : file + ":" + (firstLine + mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
            throw new DesignInputException(
                    where + ": not valid YAML: " + headline(e.getProblem() != null ? e.getProblem() : e.getMessage()));
        } catch (YAMLException e) {
            throw new DesignInputException(file + ": YAML rejected: " + explain(e.getMessage()));
        } catch (StackOverflowError e) {
            throw new DesignInputException(file + ": YAML nesting is too deep");
        } catch (NumberFormatException e) {
            // The scanner parses \\x, \\u and \\U escapes itself and lets a short or non-hex one escape as this.
            throw new DesignInputException(
                    file + ": not valid YAML: an escape sequence (\\xXX, \\uXXXX or \\UXXXXXXXX) in a"
                            + " double-quoted string is cut short or not hexadecimal");
        }
    }

    private LoaderOptions options() {
        LoaderOptions o = new LoaderOptions();
        o.setMaxAliasesForCollections(limits.maxAliases());
        o.setCodePointLimit(limits.maxDocumentChars());
        o.setNestingDepthLimit(64);
        o.setAllowRecursiveKeys(false);
        o.setAllowDuplicateKeys(true); // duplicates are reported as findings with their line instead
        o.setProcessComments(false);
        return o;
    }

    private String explain(String message) {
        if (message != null && message.contains("aliases")) {
            return "more than " + limits.maxAliases() + " aliases to collections (possible alias-expansion attack); "
                    + headline(message);
        }
        if (message != null && message.contains("exceeds the limit")) {
            return "a document is larger than " + limits.maxDocumentChars() + " characters; " + headline(message);
        }
        return headline(message);
    }

    private static String headline(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static RawDocument toDocument(String file, int firstLine, Node root, Consumer<Finding> notes) {
        String source = file + ":" + (firstLine + root.getStartMark().getLine() + 1);
        if (!(root instanceof MappingNode map)) {
            if (!Fields.isNull(root)) {
                notes.accept(new Finding(
                        Level.ERROR,
                        "SW0004",
                        "YAML-004",
                        "Document Structure: the document is a " + (root instanceof SequenceNode ? "list" : "scalar")
                                + ", not a mapping; it cannot be read as a design document",
                        "Every document is a mapping with schema, metadata and data (or empty).",
                        List.of(),
                        source));
            }
            return null;
        }
        String schema = scalar(map, "schema");
        if (schema == null
                && scalar(map, "apiVersion") != null
                && String.valueOf(scalar(map, "apiVersion")).startsWith("drydock/")) {
            // Drydock's legacy (apiVersion/kind/spec) format: refusing it loudly beats validating nothing.
            notes.accept(new Finding(
                    Level.ERROR,
                    "SW0005",
                    "DOC-005",
                    "Document Format: " + scalar(map, "kind") + " " + nameOf(map)
                            + " uses the legacy apiVersion/kind/spec format, which is not supported",
                    "Convert it to the Deckhand format: schema: drydock/<Kind>/v1, metadata.name, data.",
                    List.of(),
                    source));
            return null;
        }
        String[] parts = schema == null ? new String[0] : schema.split("/");
        if (parts.length != 3 || !"drydock".equals(parts[0])) {
            return null;
        }
        Node meta = value(map, "metadata");
        String name = meta instanceof MappingNode m ? scalar(m, "name") : null;
        DocRef ref = new DocRef(schema, name == null ? "Unknown" : name, source);
        if (name == null || name.isBlank()) {
            notes.accept(DocumentBinder.dd000(ref, source, "document has no metadata.name"));
            return null;
        }
        Node data = value(map, "data");
        return new RawDocument(
                parts[1],
                parts[2],
                name,
                ref,
                firstLine,
                map,
                data == null
                        ? new ScalarNode(
                                org.yaml.snakeyaml.nodes.Tag.NULL,
                                "",
                                root.getStartMark(),
                                root.getEndMark(),
                                DumperOptions.ScalarStyle.PLAIN)
                        : data);
    }

    private static String nameOf(MappingNode map) {
        Node meta = value(map, "metadata");
        String name = meta instanceof MappingNode m ? scalar(m, "name") : null;
        return name == null ? "(unnamed)" : name;
    }

    private static Node value(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    private static String scalar(MappingNode map, String key) {
        return value(map, key) instanceof ScalarNode s ? s.getValue() : null;
    }
}
