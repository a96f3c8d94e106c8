package io.slipway.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * A small blocking client of the HTTP API for the command line. Errors become {@link ApiError}s
 * carrying the server's message (from Drydock's error body or a problem document).
 */
final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String base;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  JsonNode post(String path, Object body) {
    try {
      return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new ApiError(0, e.getMessage());
    }
  }

  JsonNode put(String path, Object body) {
    try {
      return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new ApiError(0, e.getMessage());
    }
  }

  JsonNode postText(String path, String contentType, String body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  JsonNode delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE());
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private JsonNode send(HttpRequest.Builder req) {
    if (token != null && !token.isBlank()) {
      req.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> resp = http.send(req.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = resp.body() == null || resp.body().isBlank() ? JSON.nullNode() : parse(resp.body());
      if (resp.statusCode() >= 400) {
        throw new ApiError(resp.statusCode(), message(body, resp.statusCode()));
      }
      return body;
    } catch (ConnectException e) {
      throw new ApiError(0, "nothing answers at " + base + " (is `slipway serve` running? set --url or SLIPWAY_URL)");
    } catch (HttpTimeoutException e) {
      throw new ApiError(0, base + " did not answer within 60 s");
    } catch (IOException e) {
      throw new ApiError(0, "talking to " + base + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiError(0, "interrupted");
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
