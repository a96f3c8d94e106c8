package io.slipway.store.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a Postgres that a previous owner of the data directory left running when it died without a
 * shutdown (kill -9, OOM killer). The server runs as its own daemon, so it outlives the JVM that
 * started it, and a new start on the same directory would otherwise wait and fail.
 *
 * <p>Blocking. The owner's file lock tells a dead owner from a live one; a live owner's server is
 * never touched.
 */
final class OrphanedServer {

    /** The lock file the bundled server's owner holds while it runs. */
    static final String OWNER_LOCK = "epg-lock";

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedServer.class);
    private static final long STOP_SECONDS = 20;

    private OrphanedServer() {}

    static void stopIfAny(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        if (ownerAlive(dataDirectory)) {
            throw new IllegalStateException(
                    "the data directory " + dataDirectory + " is in use by another running process");
        }
        Optional<ProcessHandle> orphan = postmaster(pidFile, dataDirectory);
        orphan.ifPresent(server -> stop(server, dataDirectory));
    }

    private static boolean ownerAlive(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve(OWNER_LOCK);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The process named in the pid file, if it is still a postgres serving this directory. */
    private static Optional<ProcessHandle> postmaster(Path pidFile, Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.get(0).trim());
            // A pid from a stale file may have been reused by an unrelated process.
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().orElse("").contains(dataDirectory.toString()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void stop(ProcessHandle server, Path dataDirectory) {
        LOG.warn(
                "stopping Postgres (pid {}) left running on {} by a process that exited without" + " stopping it",
                server.pid(),
                dataDirectory);
        server.destroy();
        if (!awaitExit(server)) {
            // Postgres recovers from a killed postmaster at its next start, as after a power cut.
            server.destroyForcibly();
            awaitExit(server);
        }
    }

    private static boolean awaitExit(ProcessHandle server) {
        try {
            server.onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
