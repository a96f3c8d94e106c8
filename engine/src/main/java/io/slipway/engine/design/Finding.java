package io.slipway.engine.design;

import java.util.List;

/**
 * One problem (or note) about a design. Parse problems and rule results share this type so every
 * entry point reports a single format.
 *
 * @param code the message name; Drydock's code (e.g. {@code DD2005}) for checks Drydock has, an
 *     {@code SW} code otherwise
 * @param ruleId unique id of the rule or parser step that produced it (e.g. {@code NET-006})
 * @param message full text, prefixed with the check's title
 * @param diagnostic what to do about it
 * @param documents the documents involved (may be empty)
 * @param source {@code file:line} where the problem is, when known
 */
public record Finding(
        Level level,
        String code,
        String ruleId,
        String message,
        String diagnostic,
        List<DocRef> documents,
        String source) {

    public Finding {
        documents = documents == null ? List.of() : List.copyOf(documents);
        diagnostic = diagnostic == null ? "" : diagnostic;
    }

    public static Finding error(
            String code, String ruleId, String title, String text, String diagnostic, DocRef... docs) {
        return of(Level.ERROR, code, ruleId, title, text, diagnostic, docs);
    }

    public static Finding warning(
            String code, String ruleId, String title, String text, String diagnostic, DocRef... docs) {
        return of(Level.WARNING, code, ruleId, title, text, diagnostic, docs);
    }

    public static Finding info(
            String code, String ruleId, String title, String text, String diagnostic, DocRef... docs) {
        return of(Level.INFO, code, ruleId, title, text, diagnostic, docs);
    }

    /** Rules call this with a level name so one DRL helper covers all levels. */
    public static Finding of(
            Level level, String code, String ruleId, String title, String text, String diagnostic, DocRef... docs) {
        List<DocRef> refs = docs == null ? List.of() : List.of(docs);
        String source = refs.isEmpty() ? null : refs.get(0).source();
        return new Finding(level, code, ruleId, title + ": " + text, diagnostic, refs, source);
    }

    /** A copy that points at a more precise place than the document start. */
    public Finding at(String preciseSource) {
        return new Finding(level, code, ruleId, message, diagnostic, documents, preciseSource);
    }

    public boolean isError() {
        return level == Level.ERROR;
    }
}
