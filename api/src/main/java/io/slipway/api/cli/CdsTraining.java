package io.slipway.api.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The workload an AppCDS archive is recorded from ({@code make-cds.sh}, at package time): the
 * one-shot commands operators run most, so the classes they load are mapped from the archive instead
 * of being read, verified and linked on every start. Not a command; output is discarded.
 */
public final class CdsTraining {
  private CdsTraining() {}

  /** {@code args}: a scratch directory, then optionally a design file to validate. */
  public static void main(String[] args) throws IOException {
    Path scratch = Path.of(args[0]);
    Path generated = scratch.resolve("generated.yaml");
    Files.writeString(generated, capture("design", "generate", "--nodes", "200"));
    run("validate", generated.toString());
    run("validate", "-o", "json", generated.toString());
    if (args.length > 1) {
      run("validate", args[1]);
    }
    // A client call against a port nothing listens on: the HTTP client and its error path.
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      String url = "--url=http://127.0.0.1:" + s.getLocalPort();
      s.close();
      run("node", "list", url);
      run("task", "list", url);
    }
    run("--help");
    run("validate", "--help");
  }

  private static void run(String... args) {
    Main.run(new PrintWriter(OutputStream.nullOutputStream()), new PrintWriter(OutputStream.nullOutputStream()), args);
  }

  private static String capture(String... args) {
    java.io.StringWriter out = new java.io.StringWriter();
    Main.run(new PrintWriter(out), new PrintWriter(OutputStream.nullOutputStream()), args);
    return out.toString();
  }
}
