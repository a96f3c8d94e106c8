package io.slipway.engine.design;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Fetches design references: plain paths, {@code file://}, {@code http(s)://} and
 * {@code deckhand+http(s)://} (the prefix is dropped; a bearer token is sent when one is configured).
 * Every fetch is bounded in size and time and fails with a {@link DesignInputException} that names
 * the reference. Blocking: call from a worker thread, never an event loop.
 */
public final class DesignSource {
  private final DesignLimits limits;
  private final String deckhandToken;
  private HttpClient http; // built on the first URL fetch: most runs read files only (saves ~0.5 s cold)

  public DesignSource(DesignLimits limits, String deckhandToken) {
    this.limits = limits;
    this.deckhandToken = deckhandToken;
  }

  private synchronized HttpClient http() {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(limits.connectTimeout())
          .followRedirects(HttpClient.Redirect.NORMAL).build();
    }
    return http;
  }

  public SourceText fetch(String reference) {
    String ref = reference.trim();
    if (ref.startsWith("http://") || ref.startsWith("https://")) {
      return fetchHttp(ref, ref, null);
    }
    if (ref.startsWith("deckhand+http://") || ref.startsWith("deckhand+https://")) {
      return fetchHttp(ref, ref.substring("deckhand+".length()), deckhandToken);
    }
    if (ref.startsWith("file://")) {
      return fetchFile(ref, Path.of(URI.create(ref)));
    }
    if (ref.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      throw new DesignInputException(ref + ": unsupported reference scheme (use a path, file://, http(s):// or deckhand+http(s)://)");
    }
    return fetchFile(ref, Path.of(ref));
  }

  private SourceText fetchFile(String ref, Path path) {
    try {
      long size = Files.size(path);
      if (size > limits.maxInputBytes()) {
        throw tooLarge(ref, size);
      }
      return new SourceText(path.toString(), Files.readAllBytes(path));
    } catch (NoSuchFileException e) {
      throw new DesignInputException(ref + ": no such file");
    } catch (IOException e) {
      throw new DesignInputException(ref + ": cannot read: " + e.getMessage());
    }
  }

  private SourceText fetchHttp(String ref, String url, String bearer) {
    try {
      URI uri = new URI(url);
      HttpRequest.Builder req = HttpRequest.newBuilder(stripUserInfo(uri)).timeout(limits.readTimeout()).GET();
      if (uri.getUserInfo() != null) {
        req.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(uri.getUserInfo().getBytes(StandardCharsets.UTF_8)));
      } else if (bearer != null && !bearer.isBlank()) {
        req.header("Authorization", "Bearer " + bearer);
      }
      HttpResponse<InputStream> resp = http().send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = resp.body()) {
        if (resp.statusCode() >= 400) {
          throw new DesignInputException(ref + ": server answered HTTP " + resp.statusCode());
        }
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxInputBytes() + 1));
        if (bytes.length > limits.maxInputBytes()) {
          throw tooLarge(ref, bytes.length);
        }
        return new SourceText(ref, bytes);
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new DesignInputException(ref + ": not a valid URL: " + e.getMessage());
    } catch (ConnectException e) {
      throw new DesignInputException(ref + ": connection refused or unreachable");
    } catch (HttpTimeoutException e) {
      throw new DesignInputException(ref + ": no answer within " + limits.readTimeout().toSeconds() + " s");
    } catch (IOException e) {
      throw new DesignInputException(ref + ": fetch failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DesignInputException(ref + ": interrupted");
    }
  }

  private DesignInputException tooLarge(String ref, long size) {
    return new DesignInputException(ref + ": " + size + " bytes exceeds the design size limit of "
        + limits.maxInputBytes() + " bytes (raise it with --max-bytes or SLIPWAY_DESIGN_MAX_BYTES)");
  }

  private static URI stripUserInfo(URI uri) throws URISyntaxException {
    return uri.getUserInfo() == null ? uri
        : new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), uri.getFragment());
  }
}
