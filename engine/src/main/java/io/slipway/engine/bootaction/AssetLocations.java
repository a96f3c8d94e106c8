package io.slipway.engine.bootaction;

import io.slipway.engine.bootaction.Pipeline.SegmentException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches {@code location} assets: {@code file://} under the configured roots, {@code http(s)://}
 * bounded in time and size. Blocking: call from a worker thread. Thread-safe.
 */
final class AssetLocations {
  private final BootActionConfig config;
  private final List<Path> roots;
  private final HttpClient http;

  AssetLocations(BootActionConfig config) {
    this.config = config;
    this.roots = realRoots(config.fileRoots());
    this.http = HttpClient.newBuilder().connectTimeout(config.fetchTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  byte[] fetch(String location) {
    URI uri;
    try {
      uri = URI.create(location.strip());
    } catch (IllegalArgumentException e) {
      throw new SegmentException("location '" + location + "' is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    return switch (scheme) {
      case "file" -> file(uri);
      case "http", "https" -> http(uri);
      default -> throw new SegmentException("location '" + location + "': unsupported scheme '" + scheme + "'");
    };
  }

  private byte[] file(URI uri) {
    try {
      Path path = Path.of(uri).toRealPath();
      if (roots.stream().noneMatch(path::startsWith)) {
        throw new SegmentException("location " + uri + " is outside the allowed file roots");
      }
      if (Files.size(path) > config.maxAssetBytes()) {
        throw new SegmentException("location " + uri + " is larger than " + config.maxAssetBytes() + " bytes");
      }
      return Files.readAllBytes(path);
    } catch (IOException | IllegalArgumentException e) {
      throw new SegmentException("location " + uri + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private byte[] http(URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.fetchTimeout()).GET().build();
    CompletableFuture<HttpResponse<InputStream>> call =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
    // One deadline for headers and body together; a server trickling bytes cannot hold a worker.
    CompletableFuture<byte[]> body = call.thenApplyAsync(r -> read(uri, r));
    try {
      return body.get(config.fetchTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      call.thenAccept(r -> close(r.body()));
      call.cancel(true);
      throw new SegmentException("location " + uri + " did not answer within " + config.fetchTimeout());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
      throw cause instanceof SegmentException s ? s
          : new SegmentException("location " + uri + " cannot be fetched (" + cause.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SegmentException("interrupted while fetching " + uri);
    }
  }

  private byte[] read(URI uri, HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      if (response.statusCode() / 100 != 2) {
        throw new SegmentException("location " + uri + " answered HTTP " + response.statusCode());
      }
      byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.maxAssetBytes() + 1));
      if (data.length > config.maxAssetBytes()) {
        throw new SegmentException("location " + uri + " is larger than " + config.maxAssetBytes() + " bytes");
      }
      return data;
    } catch (IOException e) {
      throw new SegmentException("location " + uri + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // Closing only releases the connection early; failing to do so leaks nothing lasting.
    }
  }

  private static List<Path> realRoots(List<Path> configured) {
    List<Path> out = new ArrayList<>();
    for (Path p : configured) {
      try {
        out.add(p.toRealPath());
      } catch (IOException e) {
        // A root that does not exist allows nothing; keeping startup alive is the operator's choice.
      }
    }
    return List.copyOf(out);
  }
}
