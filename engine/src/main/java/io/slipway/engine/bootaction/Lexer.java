package io.slipway.engine.bootaction;

import io.slipway.engine.bootaction.Template.TemplateException;

/** Reads the inside of one {@code {{ }}} tag for {@link Template}. Single use, not thread-safe. */
final class Lexer {
    private final String s;
    private int pos;

    Lexer(String s) {
        this.s = s;
    }

    char peek() {
        skipSpace();
        return pos < s.length() ? s.charAt(pos) : 0;
    }

    char next() {
        char c = peek();
        pos++;
        return c;
    }

    /** A name: letters, digits, {@code _} and {@code -} (network names often contain dashes). */
    String name() {
        skipSpace();
        int start = pos;
        while (pos < s.length() && isNameChar(s.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a name");
        }
        return s.substring(start, pos);
    }

    /** After {@code [}: a quoted key or a list index, then {@code ]}. */
    String subscript() {
        char c = peek();
        String key = c == '\'' || c == '"' ? quoted() : name();
        expect(']');
        return key;
    }

    /** After {@code |}: {@code default}, optionally with one quoted argument. */
    String defaultFilter() {
        String filter = name();
        if (!filter.equals("default") && !filter.equals("d")) {
            throw error("unknown filter '" + filter + "'");
        }
        if (peek() != '(') {
            return "";
        }
        next();
        String value = quoted();
        expect(')');
        return value;
    }

    void end() {
        if (peek() != 0) {
            throw error("unexpected '" + s.charAt(pos) + "'");
        }
    }

    private String quoted() {
        char quote = next();
        if (quote != '\'' && quote != '"') {
            throw error("expected a quoted string");
        }
        int close = s.indexOf(quote, pos);
        if (close < 0) {
            throw error("unclosed string");
        }
        String value = s.substring(pos, close);
        pos = close + 1;
        return value;
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private TemplateException error(String what) {
        return new TemplateException(
                "malformed template expression '{{ " + s + " }}': " + what + " at column " + (pos + 1));
    }
}
