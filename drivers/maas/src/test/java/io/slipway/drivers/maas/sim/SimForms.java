package io.slipway.drivers.maas.sim;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Request bodies read as Django reads them ({@code django/http/request.py} {@code _load_post_and_files}): {@code
 * multipart/form-data} by {@code MultiPartParser} (the CRLF before each boundary belongs to the boundary, RFC 2046
 * §5.1.1), {@code application/x-www-form-urlencoded} as a query string, anything else not at all. The whole body is
 * parsed at once, so the result does not depend on how the bytes arrived (with Vert.x's incremental form decoding,
 * values were seen to keep a trailing {@code \r} on a loaded machine).
 */
final class SimForms {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("(?i)content-disposition:[^\\r\\n]*\\bname=\"([^\"]*)\"");

    private SimForms() {}

    static MultiMap parse(String contentType, Buffer body) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap();
        if (contentType == null || body == null || body.length() == 0) {
            return form;
        }
        String text = body.toString(StandardCharsets.UTF_8);
        String type = contentType.toLowerCase();
        if (type.startsWith("application/x-www-form-urlencoded")) {
            new QueryStringDecoder(text, StandardCharsets.UTF_8, false)
                    .parameters()
                    .forEach(form::add);
        } else if (type.startsWith("multipart/form-data")) {
            Matcher b = BOUNDARY.matcher(contentType);
            if (b.find()) {
                multipart(text, "--" + b.group(1), form);
            }
        }
        return form;
    }

    private static void multipart(String text, String delimiter, MultiMap form) {
        int at = text.indexOf(delimiter);
        while (at >= 0) {
            int start = at + delimiter.length();
            if (text.startsWith("--", start)) {
                return; // the closing delimiter
            }
            int next = text.indexOf("\r\n" + delimiter, start);
            if (next < 0) {
                return;
            }
            String part = text.substring(text.indexOf("\r\n", start) + 2, next);
            int split = part.indexOf("\r\n\r\n");
            if (split >= 0) {
                Matcher name = NAME.matcher(part.substring(0, split));
                if (name.find()) {
                    form.add(name.group(1), part.substring(split + 4));
                }
            }
            at = next + 2;
        }
    }
}
