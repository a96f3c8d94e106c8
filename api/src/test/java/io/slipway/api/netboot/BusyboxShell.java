package io.slipway.api.netboot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs shell snippets with busybox {@code sh} and only busybox applets on the PATH (as in the agent's
 * initramfs), after sourcing the agent's libraries. No network: a test that needs {@code wget}
 * installs a {@link #fake}.
 */
final class BusyboxShell {
    record Result(int exit, String out, String err) {}

    private final Path lib;
    private final Path bin;
    private final Path fakes;

    BusyboxShell(Path repo, Path work) throws IOException, InterruptedException {
        this.lib = repo.resolve("drivers/netboot/agent/rootfs/usr/lib/slipway");
        this.bin = Files.createDirectories(work.resolve("bin"));
        this.fakes = Files.createDirectories(work.resolve("fakes"));
        Path busybox = Path.of("/usr/bin/busybox");
        if (!Files.isExecutable(busybox)) {
            busybox = Path.of("/bin/busybox");
        }
        if (!Files.isExecutable(busybox)) {
            String message = "busybox not found (Debian package busybox-static)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + "; CI=true, so the agent tests must run");
            }
            Assumptions.abort(message);
        }
        Path copy = Files.copy(busybox, bin.resolve("busybox"));
        Process list = new ProcessBuilder(copy.toString(), "--list").start();
        for (String applet : new String(list.getInputStream().readAllBytes()).split("\n")) {
            if (!applet.isBlank() && !applet.trim().equals("busybox")) {
                Files.createSymbolicLink(bin.resolve(applet.trim()), Path.of("busybox"));
            }
        }
        list.waitFor();
    }

    /**
     * Writes an executable script standing in for a program that would reach the network. busybox sh
     * runs its own applets before anything on the PATH, so the agent names its downloader {@code $WGET}
     * (default {@code wget}) and the fake is passed that way.
     */
    void fake(String command, String body) throws IOException {
        Path f = fakes.resolve(command);
        Files.writeString(f, "#!" + bin.resolve("sh") + "\n" + body);
        f.toFile().setExecutable(true);
    }

    Result run(Map<String, String> env, String script) throws IOException, InterruptedException {
        String prelude = "for l in json inventory disk agent; do . " + lib + "/$l.sh; done\n";
        ProcessBuilder pb = new ProcessBuilder(bin.resolve("sh").toString(), "-c", prelude + script);
        pb.environment().clear();
        pb.environment().put("PATH", bin.toString());
        if (Files.exists(fakes.resolve("wget"))) {
            pb.environment().put("WGET", fakes.resolve("wget").toString());
        }
        pb.environment().putAll(env);
        Path out = Files.createTempFile(bin.getParent(), "stdout", ".txt");
        Path err = Files.createTempFile(bin.getParent(), "stderr", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IOException("shell snippet timed out: " + script + "\n" + Files.readString(err));
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
