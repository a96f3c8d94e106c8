package io.slipway.engine.bootaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A deliberately small template language: {@code {{ path }}} and {@code {{ path | default('x') }}}.
 * A path is a name followed by {@code .key}, {@code .0}, {@code ['key']} or {@code [0]} steps over
 * maps and lists. No statements, no expressions, no code: a design cannot make the server do
 * anything but look values up. Stateless and thread-safe.
 */
final class Template {

    private Template() {}

    /** Why a template could not be rendered; the message names the variable or the syntax error. */
    static final class TemplateException extends RuntimeException {
        TemplateException(String message) {
            super(message, null, false, false);
        }
    }

    /** Renders {@code text} against {@code context}; fails on unknown variables and bad syntax. */
    static String render(String text, Map<String, Object> context) {
        StringBuilder out = new StringBuilder(text.length());
        int pos = 0;
        while (pos < text.length()) {
            int open = nextTag(text, pos);
            if (open < 0) {
                out.append(text, pos, text.length());
                break;
            }
            out.append(text, pos, open);
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                throw new TemplateException("unclosed '{{' at offset " + open);
            }
            out.append(Values.format(evaluate(text.substring(open + 2, close), context)));
            pos = close + 2;
        }
        return out.toString();
    }

    /** The next {@code {{}, refusing statement and comment tags rather than copying them verbatim. */
    private static int nextTag(String text, int from) {
        for (int i = text.indexOf('{', from); i >= 0 && i + 1 < text.length(); i = text.indexOf('{', i + 1)) {
            char c = text.charAt(i + 1);
            if (c == '{') {
                return i;
            }
            if (c == '%' || c == '#') {
                throw new TemplateException("unsupported template tag '{" + c + "' at offset " + i);
            }
        }
        return -1;
    }

    private static Object evaluate(String expression, Map<String, Object> context) {
        Expression e = Expression.parse(expression);
        Object value = lookup(e.steps(), context);
        if (value != null) {
            return value;
        }
        if (e.fallback() != null) {
            return e.fallback();
        }
        throw new TemplateException("undefined variable '" + e.source() + "'");
    }

    private static Object lookup(List<String> steps, Map<String, Object> context) {
        Object current = context;
        for (String step : steps) {
            current = step(current, step);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private static Object step(Object current, String key) {
        if (current instanceof Map<?, ?> m) {
            return m.get(key);
        }
        if (current instanceof List<?> l && key.chars().allMatch(Character::isDigit) && key.length() < 9) {
            int i = Integer.parseInt(key);
            return i < l.size() ? l.get(i) : null;
        }
        return null;
    }

    /** A parsed {@code {{ }}} body: the lookup steps and the {@code default} value, if any. */
    record Expression(String source, List<String> steps, String fallback) {

        static Expression parse(String body) {
            Lexer lx = new Lexer(body.strip());
            List<String> steps = new ArrayList<>();
            steps.add(lx.name());
            while (lx.peek() == '.' || lx.peek() == '[') {
                steps.add(lx.next() == '.' ? lx.name() : lx.subscript());
            }
            String fallback = null;
            if (lx.peek() == '|') {
                lx.next();
                fallback = lx.defaultFilter();
            }
            lx.end();
            return new Expression(body.strip(), List.copyOf(steps), fallback);
        }
    }
}
