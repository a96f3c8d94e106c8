package io.slipway.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A small blocking client of the HTTP API for the command line. Errors become {@link ApiError}s
 * carrying the server's message (from Drydock's error body or a problem document). Built on
 * {@link HttpURLConnection}: a one-shot command makes one or two calls, and this client costs far
 * less to start than {@code java.net.http.HttpClient} (no selector thread, no eager TLS set-up).
 */
final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONNECT_MS = 5_000;
    private static final int READ_MS = 60_000;
    private final String base;
    private final String token;

    /** A failed call: the HTTP status (0 when nothing answered) and the server's message. */
    static final class ApiError extends RuntimeException {
        final int status;

        ApiError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    ApiClient(String base, String token) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
    }

    JsonNode get(String path) {
        return send("GET", path, null, null);
    }

    JsonNode post(String path, Object body) {
        try {
            return send("POST", path, "application/json", JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new ApiError(0, e.getMessage());
        }
    }

    JsonNode put(String path, Object body) {
        try {
            return send("PUT", path, "application/json", JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new ApiError(0, e.getMessage());
        }
    }

    JsonNode postText(String path, String contentType, String body) {
        return send("POST", path, contentType, body);
    }

    JsonNode delete(String path) {
        return send("DELETE", path, null, null);
    }

    private JsonNode send(String method, String path, String contentType, String payload) {
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
            c.setRequestMethod(method);
            c.setConnectTimeout(CONNECT_MS);
            c.setReadTimeout(READ_MS);
            c.setRequestProperty("Accept", "application/json");
            if (token != null && !token.isBlank()) {
                c.setRequestProperty("Authorization", "Bearer " + token);
            }
            if (payload != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", contentType);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(payload.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = c.getResponseCode();
            String text = read(status >= 400 ? c.getErrorStream() : c.getInputStream());
            JsonNode body = text.isBlank() ? JSON.nullNode() : parse(text);
            if (status >= 400) {
                throw new ApiError(status, message(body, status));
            }
            return body;
        } catch (ConnectException e) {
            throw new ApiError(
                    0, "nothing answers at " + base + " (is `slipway serve` running? set --url or SLIPWAY_URL)");
        } catch (SocketTimeoutException e) {
            throw new ApiError(0, base + " did not answer within " + READ_MS / 1000 + " s");
        } catch (IOException | IllegalArgumentException e) {
            throw new ApiError(0, "talking to " + base + " failed: " + e.getMessage());
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    private static String read(InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    private static String message(JsonNode body, int status) {
        for (String f : new String[] {"detail", "message", "title"}) {
            if (body.hasNonNull(f)) {
                return status + ": " + body.get(f).asText();
            }
        }
        return "HTTP " + status;
    }
}
