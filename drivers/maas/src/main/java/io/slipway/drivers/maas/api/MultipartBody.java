package io.slipway.drivers.maas.api;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A {@code multipart/form-data} body built in memory, so it goes out with a {@code Content-Length}:
 * MAAS up to 3.1 serves the API from Twisted's WSGI bridge, which hands Django an empty {@code
 * CONTENT_LENGTH} for a chunked body, and Django then reads no parameters at all. Repeated names stay
 * repeated parts (Django's {@code getlist}); an empty form is just the closing boundary, as python-libmaas
 * sends it.
 */
public record MultipartBody(String contentType, Buffer bytes) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public static MultipartBody of(MultiMap form) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        String boundary = "slipway-" + HexFormat.of().formatHex(nonce);
        Buffer b = Buffer.buffer();
        form.forEach((name, value) -> b.appendString("--" + boundary + "\r\n")
                .appendString("Content-Disposition: form-data; name=\"" + name.replace("\"", "%22") + "\"\r\n")
                .appendString("Content-Type: text/plain; charset=UTF-8\r\n\r\n")
                .appendBytes(value.getBytes(StandardCharsets.UTF_8))
                .appendString("\r\n"));
        b.appendString("--" + boundary + "--\r\n");
        return new MultipartBody("multipart/form-data; boundary=" + boundary, b);
    }
}
