package io.slipway.api.http;

import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns vertx-openapi's validation failures into one-line messages that name the parameter or the
 * body field, e.g. {@code request body field action: must be string, not number}. Never includes
 * the schema's internals (keyword locations, $refs). Stateless.
 */
final class ValidationMessages {
    private static final Pattern PARAMETER =
            Pattern.compile("The value of (\\w+ parameter \\S+) is invalid\\. Reason: (.*?)( at \\S*)?");
    private static final Pattern REQUIRED = Pattern.compile("Instance does not have required property \"(.*)\"");
    private static final Pattern TYPE = Pattern.compile("Instance type (\\S+) is invalid\\. Expected (.*)");
    private static final Pattern ENUM = Pattern.compile("Instance does not match any of (.*)");

    private ValidationMessages() {}

    /** The message for a failed validation (anything else keeps its own message). */
    static String describe(Throwable e) {
        if (e instanceof SchemaValidationException s && s.getOutputUnit() != null && isBody(s)) {
            return body(s.getOutputUnit());
        }
        String message = e.getMessage() == null ? "the request does not match the API" : e.getMessage();
        Matcher m = PARAMETER.matcher(message);
        if (m.matches()) {
            return m.group(1) + ": " + plain(m.group(2));
        }
        if (e instanceof ValidatorException v
                && v.type() == io.vertx.openapi.validation.ValidatorErrorType.MISSING_REQUIRED_PARAMETER
                && message.contains("body")) {
            return "the request body is required";
        }
        if (message.contains("can't be decoded")) {
            return "the request body is not valid JSON";
        }
        return message.replace("The related request / response", "The request");
    }

    /** Why a body's media type is refused, listing the ones the operation takes. */
    static String unsupported(RoutingContext ctx, Operation op, OpenApiDocument doc) {
        TreeSet<String> types = new TreeSet<>(op.getRequestBody().getContent().keySet());
        types.addAll(doc.opaque().getOrDefault(op.getOperationId(), java.util.Set.of()));
        String sent = ctx.request().getHeader("Content-Type");
        return ctx.request().method() + " " + op.getOpenAPIPath() + " takes " + String.join(" or ", types)
                + (sent == null ? ", and the request names no Content-Type" : ", not " + sent);
    }

    private static boolean isBody(SchemaValidationException s) {
        return s.getMessage() != null && s.getMessage().contains("request body");
    }

    private static String body(OutputUnit unit) {
        List<OutputUnit> errors = new ArrayList<>();
        flatten(unit, errors);
        OutputUnit best = null;
        for (OutputUnit u : errors) {
            // The deepest location names the field; there, a summary ("Property x does not match schema")
            // is less useful than the keyword that failed.
            if (u.getError() != null
                    && (best == null || depth(u) > depth(best) || depth(u) == depth(best) && rank(u) > rank(best))) {
                best = u;
            }
        }
        if (best == null) {
            return "the request body does not match the API";
        }
        String location = best.getInstanceLocation() == null
                ? ""
                : best.getInstanceLocation().replaceFirst("^#", "");
        Matcher required = REQUIRED.matcher(best.getError());
        if (required.matches()) {
            return "request body field " + field(location + "/" + required.group(1)) + " is required";
        }
        return (location.isEmpty() ? "request body" : "request body field " + field(location)) + ": "
                + plain(best.getError());
    }

    private static void flatten(OutputUnit unit, List<OutputUnit> out) {
        out.add(unit);
        if (unit.getErrors() != null) {
            unit.getErrors().forEach(u -> flatten(u, out));
        }
    }

    /** The failed keyword first, then an unknown field, then summaries ("Property x does not match"). */
    private static int rank(OutputUnit u) {
        if (u.getError().contains("additional properties")) {
            return 1;
        }
        return u.getError().startsWith("Property ") || u.getError().startsWith("A subschema") ? 0 : 2;
    }

    private static int depth(OutputUnit u) {
        return u.getInstanceLocation() == null ? -1 : u.getInstanceLocation().length();
    }

    /** {@code /node_filter/filter_set/0/filter_type} → {@code node_filter.filter_set[0].filter_type}. */
    static String field(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String p = part.replace("~1", "/").replace("~0", "~");
            if (p.matches("\\d+")) {
                out.append('[').append(p).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(p);
            }
        }
        return out.toString();
    }

    private static String plain(String error) {
        Matcher type = TYPE.matcher(error);
        if (type.matches()) {
            return "must be " + type.group(2) + ", not " + type.group(1);
        }
        Matcher e = ENUM.matcher(error);
        if (e.matches()) {
            return "must be one of " + e.group(1);
        }
        if (error.contains("additional properties")) {
            return "unknown field";
        }
        return error.replace("String does not match pattern", "does not match the expected pattern");
    }
}
