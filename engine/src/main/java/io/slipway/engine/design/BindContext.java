package io.slipway.engine.design;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Per-document state while binding YAML to the model: where findings go, and the node budget that
 * stops alias expansion from blowing up.
 */
final class BindContext {
    private final String kind;
    private final DocRef ref;
    private final String file;
    private final int nodeBudget;
    private final int firstLine;
    private final List<Finding> schemaErrors = new ArrayList<>();
    private final List<Finding> notes = new ArrayList<>();
    private int visited;

    BindContext(String kind, DocRef ref, String file, int firstLine, int nodeBudget) {
        this.kind = kind;
        this.firstLine = firstLine;
        this.ref = ref;
        this.file = file;
        this.nodeBudget = nodeBudget;
    }

    DocRef ref() {
        return ref;
    }

    String kind() {
        return kind;
    }

    String where(Node node) {
        return node == null
                ? ref.source()
                : file + ":" + (firstLine + node.getStartMark().getLine() + 1);
    }

    /** A schema violation (Drydock DD001): the document is dropped. */
    void schemaError(Node node, String path, String problem) {
        String text = kind + ":v1 schema validation error: " + path + ": " + problem;
        schemaErrors.add(new Finding(
                Level.ERROR,
                "DD001",
                "SCHEMA-001",
                text,
                "Invalid input document - correct the field named in the message.",
                List.of(ref),
                where(node)));
    }

    /** A problem that does not stop the document being used (e.g. a duplicate key, last value kept). */
    void note(Finding finding) {
        notes.add(finding);
    }

    void visit(int count) {
        visited += count;
        if (visited > nodeBudget) {
            throw new DesignInputException(ref.source() + ": document '" + ref.name() + "' expands to more than "
                    + nodeBudget + " YAML nodes (nested aliases?); refusing to expand it");
        }
    }

    List<Finding> schemaErrors() {
        return schemaErrors;
    }

    List<Finding> notes() {
        return notes;
    }
}
