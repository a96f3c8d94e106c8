package io.slipway.engine.bootaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.slipway.engine.bootaction.BootActionBundle.Entry;
import io.slipway.engine.bootaction.BootActionBundle.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive: deterministic bytes, sorted entries, root-owned, modes from the design, unique paths. */
class BootActionBundleTest {
    private static final Instant CREATED = Instant.parse("2026-11-21T10:00:00Z");

    private static Entry entry(String action, String path, int mode, String content) {
        return new Entry(action, path, mode, content.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Entry> entries() {
        return List.of(
                entry("motd", "/etc/motd", 0644, "hello\n"),
                entry("ceph-prep", "/etc/sysctl.d/90-ceph.conf", 0600, "x=1\n"),
                entry("motd", "/etc/issue", 0755, ""));
    }

    @Test
    void sameInputGivesIdenticalBytesWhateverTheOrderOrTheClock() throws Exception {
        byte[] first =
                BootActionBundle.build("n1", Kind.FILES, entries(), CREATED).data();
        List<Entry> reversed = new ArrayList<>(entries());
        java.util.Collections.reverse(reversed);
        Thread.sleep(1100); // a timestamp taken from the clock would now differ
        assertThat(BootActionBundle.build("n1", Kind.FILES, reversed, CREATED).data())
                .isEqualTo(first);
        assertThat(first[4] | first[5] | first[6] | first[7]).as("gzip MTIME").isZero();
    }

    @Test
    void entriesAreSortedRootOwnedWithModesAndTheContextTime() {
        BootActionBundle b = BootActionBundle.build("n1", Kind.FILES, entries(), CREATED);
        assertThat(b.fileName()).isEqualTo("n1-file.tar.gz");
        List<TarEntries.Entry> read = TarEntries.read(b.data());
        assertThat(read)
                .extracting(TarEntries.Entry::name)
                .containsExactly("etc/issue", "etc/motd", "etc/sysctl.d/90-ceph.conf");
        assertThat(read).extracting(TarEntries.Entry::mode).containsExactly(0755, 0644, 0600);
        assertThat(read).allSatisfy(e -> {
            assertThat(e.uid()).isZero();
            assertThat(e.gid()).isZero();
            assertThat(e.mtime()).isEqualTo(CREATED.getEpochSecond());
            assertThat(e.checksumOk()).isTrue();
        });
        assertThat(read.get(1).content()).isEqualTo("hello\n");
    }

    @Test
    void anEmptyBundleIsAValidArchive() {
        BootActionBundle b = BootActionBundle.build("n1", Kind.UNITS, List.of(), null);
        assertThat(b.fileName()).isEqualTo("n1-unit.tar.gz");
        assertThat(TarEntries.read(b.data())).isEmpty();
    }

    @Test
    void longPathsUseTheUstarPrefix() {
        String path = "/opt/" + "d".repeat(120) + "/" + "f".repeat(90);
        List<TarEntries.Entry> read =
                TarEntries.read(BootActionBundle.build("n1", Kind.FILES, List.of(entry("a", path, 0600, "x")), CREATED)
                        .data());
        assertThat(read).extracting(TarEntries.Entry::name).containsExactly(path.substring(1));
        assertThatThrownBy(() -> BootActionBundle.build(
                        "n1", Kind.FILES, List.of(entry("a", "/" + "x".repeat(300), 0600, "")), CREATED))
                .isInstanceOf(BootActionProblem.class)
                .hasMessageContaining("too long");
    }

    @Test
    void twoAssetsWithOnePathAreAnErrorNamingBothBootActions() {
        List<Entry> clash = List.of(entry("motd", "/etc/motd", 0644, "a"), entry("banner", "/etc/motd", 0644, "b"));
        assertThatThrownBy(() -> BootActionBundle.build("n1", Kind.FILES, clash, CREATED))
                .isInstanceOfSatisfying(
                        BootActionProblem.class,
                        p -> assertThat(p.kind()).isEqualTo(BootActionProblem.Kind.UNPROCESSABLE))
                .hasMessageContaining("/etc/motd")
                .hasMessageContaining("motd")
                .hasMessageContaining("banner");
    }

    @Test
    void pathsThatClimbOutAreRefused() {
        assertThatThrownBy(() -> BootActionBundle.build(
                        "n1", Kind.FILES, List.of(entry("a", "/etc/../../x", 0600, "")), CREATED))
                .hasMessageContaining("'..'");
    }

    @Test
    void gnuTarExtractsTheBundle(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tar")), "GNU tar not installed");
        Path archive = dir.resolve("b.tar.gz");
        Files.write(
                archive,
                BootActionBundle.build("n1", Kind.FILES, entries(), CREATED).data());
        Path root = Files.createDirectory(dir.resolve("root"));
        Process p = new ProcessBuilder("/usr/bin/tar", "-xzf", archive.toString(), "-C", root.toString())
                .inheritIO()
                .start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.readString(root.resolve("etc/motd"))).isEqualTo("hello\n");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(root.resolve("etc/sysctl.d/90-ceph.conf"))))
                .isEqualTo("rw-------");
        assertThat(Files.getLastModifiedTime(root.resolve("etc/motd")).toInstant())
                .isEqualTo(CREATED);
    }
}
