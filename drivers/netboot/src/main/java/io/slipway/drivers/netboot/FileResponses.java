package io.slipway.drivers.netboot;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a file with {@code Content-Length} and single-range {@code Range} support ({@code 206} with
 * {@code Content-Range}; {@code 416} when unsatisfiable), so an interrupted download resumes. The file
 * is streamed by Vert.x ({@code sendFile}), never read into memory.
 */
final class FileResponses {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private FileResponses() {}

    /** Sends {@code file}; {@code sha256} (nullable) goes into {@code X-Checksum-Sha256}. */
    static void send(RoutingContext ctx, Path file, String sha256, String contentType) {
        ctx.vertx().fileSystem().props(file.toString()).onComplete(props -> {
            if (props.failed() || !props.result().isRegularFile()) {
                Problems.send(ctx, 404, "not found", file.getFileName() + " is not available");
                return;
            }
            long size = props.result().size();
            HttpServerResponse r =
                    ctx.response().putHeader("Accept-Ranges", "bytes").putHeader("Content-Type", contentType);
            if (sha256 != null) {
                r.putHeader("X-Checksum-Sha256", sha256);
            }
            long[] range = range(ctx.request().getHeader("Range"), size);
            if (range == null) {
                r.setStatusCode(416)
                        .putHeader("Content-Range", "bytes */" + size)
                        .end();
                return;
            }
            long start = range[0];
            long length = range[1] - range[0] + 1;
            if (range[2] == 1) {
                r.setStatusCode(206).putHeader("Content-Range", "bytes " + start + "-" + range[1] + "/" + size);
            }
            if (ctx.request().method() == HttpMethod.HEAD) {
                r.putHeader("Content-Length", Long.toString(length)).end();
                return;
            }
            Future<Void> sent = r.sendFile(file.toString(), start, length);
            sent.onFailure(e -> ctx.request().connection().close());
        });
    }

    /** {start, end inclusive, partial?1:0}; the whole file when there is no (or an unusable) header; null = 416. */
    static long[] range(String header, long size) {
        if (header == null) {
            return new long[] {0, size - 1, 0};
        }
        Matcher m = RANGE.matcher(header.trim());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return new long[] {0, size - 1, 0
            }; // several ranges or another unit: answer with the whole file (RFC 9110 allows it)
        }
        long start;
        long end;
        if (m.group(1).length() > 18 || m.group(2).length() > 18) {
            return null;
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            start = Math.max(0, size - suffix);
            end = size - 1;
        } else {
            start = Long.parseLong(m.group(1));
            end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        }
        if (start >= size || start > end) {
            return null;
        }
        return new long[] {start, end, 1};
    }
}
