package io.slipway.api.netboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node agent's shell functions under busybox {@code sh}, against fake sysfs, procfs and /dev
 * trees made of plain files. No network, no root, no block devices.
 */
class AgentShellTest {
    @TempDir
    Path tmp;

    private BusyboxShell sh;
    private Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        sh = new BusyboxShell(repo(), tmp);
        env = Map.of(
                "SYS",
                tmp.resolve("sys").toString(),
                "PROC",
                tmp.resolve("proc").toString(),
                "DEV",
                tmp.resolve("dev").toString(),
                "WORK",
                tmp.resolve("work").toString());
        Files.createDirectories(tmp.resolve("dev"));
        Files.createDirectories(tmp.resolve("work"));
    }

    @Test
    void jsonFlattensNestedDocumentsAndDecodesEscapes() throws Exception {
        String doc = "{\"job\":\"deploy\",\"image\":{\"url\":\"http://x/i\",\"size\":12},"
                + "\"seed\":{\"user-data\":\"#!/bin/sh\\necho \\\"hi\\\" \\u00e9 \\\\\"},\"a\":[1,{\"b\":true}],\"e\":{},\"n\":null}";
        Path f = tmp.resolve("doc.json");
        Files.writeString(f, doc);
        assertThat(run("json_flat < " + f).out())
                .isEqualTo(
                        ""
                                + ".job\tdeploy\n.image.url\thttp://x/i\n.image.size\t12\n"
                                + ".seed.user-data\t#!/bin/sh\\necho \\\"hi\\\" \\u00e9 \\\\\n.a[0]\t1\n.a[1].b\ttrue\n.n\tnull\n");
        assertThat(run("json_get .seed.user-data < " + f + " | json_decode").out())
                .isEqualTo("#!/bin/sh\necho \"hi\" \u00e9 \\");
        assertThat(run("json_get .missing < " + f).out()).isEmpty();
        assertThat(run("printf 'a\"b\\\\c\\n\\td\\001' | json_str").out()).isEqualTo("\"a\\\"b\\\\c\\n\\td\"");
    }

    @Test
    void inventoryReportsNicsDisksCpuMemoryAndDmi() throws Exception {
        FakeSysfs sys = new FakeSysfs(tmp);
        sys.virtioNic("eth0", "0000:00:03.0", "virtio0", "52:54:00:12:34:56", true);
        sys.virtualNic("lo");
        sys.virtioDisk("vda", "0000:00:04.0", "virtio1", 64L << 20, "SER-1");
        sys.scsiDisk("sda", "0000:00:05.0", "2:0:1:3", 2L << 30, "QEMU HARDDISK   ");
        sys.virtualDisk("loop0");
        sys.cpusAndMemory(2, "QEMU Virtual CPU version 2.5+", 230_000);
        sys.dmi("QEMU", "Standard PC \"i440FX\" \\ PIIX\t1996", "VM-42");

        BusyboxShell.Result r = run("inventory_json");
        JsonObject inv = new JsonObject(r.out());

        assertThat(inv.getJsonArray("nics")).hasSize(1);
        JsonObject nic = inv.getJsonArray("nics").getJsonObject(0);
        assertThat(nic.getMap())
                .containsEntry("name", "eth0")
                .containsEntry("mac", "52:54:00:12:34:56")
                .containsEntry("pci", "0000:00:03.0")
                .containsEntry("driver", "virtio_net")
                .containsEntry("link", true)
                .containsEntry("speed_mbps", -1);
        JsonArray disks = inv.getJsonArray("disks");
        assertThat(disks).hasSize(2);
        JsonObject sda = disks.getJsonObject(0);
        assertThat(sda.getLong("size_bytes")).isEqualTo(2L << 30);
        assertThat(sda.getMap())
                .containsEntry("name", "sda")
                .containsEntry("model", "QEMU HARDDISK")
                .containsEntry("pci", "0000:00:05.0")
                .containsEntry("scsi", "2:0:1:3")
                .containsEntry("by_path", "pci-0000:00:05.0-scsi-0:0:1:3")
                .containsEntry("rotational", false);
        JsonObject vda = disks.getJsonObject(1);
        assertThat(vda.getLong("size_bytes")).isEqualTo(64L << 20);
        assertThat(vda.getMap())
                .containsEntry("name", "vda")
                .containsEntry("serial", "SER-1")
                .containsEntry("by_path", "pci-0000:00:04.0")
                .containsEntry("scsi", null)
                .containsEntry("rotational", true);
        assertThat(inv.getJsonObject("cpu").getMap())
                .containsEntry("count", 2)
                .containsEntry("model", "QEMU Virtual CPU version 2.5+");
        assertThat(inv.getLong("memory_kib")).isEqualTo(230_000L);
        assertThat(inv.getJsonObject("dmi").getMap())
                .containsEntry("vendor", "QEMU")
                .containsEntry("product", "Standard PC \"i440FX\" \\ PIIX\t1996")
                .containsEntry("serial", "VM-42");
    }

    @Test
    void seedPartitionIsAppendedAfterTheImagePartitionsOnAMebibyteBoundary() throws Exception {
        Path disk = tmp.resolve("dev/vda");
        mbrDisk(disk, 64L << 20, new int[] {2048, 24576 + 100});
        BusyboxShell.Result r = run("mbr_append_partition $DEV/vda 81920");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().trim()).isEqualTo("2");
        int[] entry = mbrEntry(disk, 2);
        assertThat(entry[0]).as("type").isEqualTo(0x0c);
        assertThat(entry[1]).as("start").isEqualTo(28672);
        assertThat(entry[2]).as("sectors").isEqualTo(81920);
        assertThat(mbrEntry(disk, 1)[1])
                .as("the image's partition is untouched")
                .isEqualTo(2048);
    }

    @Test
    void seedPartitionRefusesGptNoRoomAndMissingTable() throws Exception {
        Path disk = tmp.resolve("dev/vda");
        mbrDisk(disk, 32L << 20, new int[] {2048, 40960});
        assertThat(run("mbr_append_partition $DEV/vda 81920").err()).contains("no room for a 40 MiB seed partition");
        try (RandomAccessFile f = new RandomAccessFile(disk.toFile(), "rw")) {
            f.seek(446 + 4);
            f.write(0xee);
        }
        BusyboxShell.Result gpt = run("mbr_append_partition $DEV/vda 2048");
        assertThat(gpt.exit()).isNotZero();
        assertThat(gpt.err()).contains("has a GPT");
        Files.write(tmp.resolve("dev/blank"), new byte[1 << 20]);
        assertThat(run("mbr_append_partition $DEV/blank 2048").err()).contains("no MBR partition table");
    }

    @Test
    void eraseZeroesTheEdgesOfTheDiskAndOfEachPartitionAndNothingElse() throws Exception {
        FakeSysfs sys = new FakeSysfs(tmp);
        sys.virtioDisk("vda", "0000:00:04.0", "virtio1", 8L << 20, "");
        sys.partition("vda", 1, 2048, 8192);
        Path disk = tmp.resolve("dev/vda");
        byte[] ones = new byte[8 << 20];
        java.util.Arrays.fill(ones, (byte) 0x5a);
        Files.write(disk, ones);
        BusyboxShell.Result r = run("erase_disk vda");
        assertThat(r.exit()).as(r.err()).isZero();
        byte[] after = Files.readAllBytes(disk);
        assertThat(after).hasSize(8 << 20);
        assertZero(after, 0, 1 << 20, "first MiB of the disk and of partition 1");
        assertZero(after, (2048 + 8192 - 2048) * 512, 1 << 20, "last MiB of partition 1");
        assertZero(after, (8 << 20) - (1 << 20), 1 << 20, "last MiB of the disk");
        assertThat(after[(2 << 20) + 5]).as("data inside the partition stays").isEqualTo((byte) 0x5a);
    }

    @Test
    void imageIsHashedAsServedAndWrittenDecompressed() throws Exception {
        byte[] raw = new byte[3 << 20];
        new java.util.Random(7).nextBytes(raw);
        Path gz = tmp.resolve("image.gz");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(raw);
        }
        Files.write(gz, b.toByteArray());
        Files.write(tmp.resolve("dev/vda"), new byte[4 << 20]);
        sh.fake("wget", "cat " + gz + "\n");
        BusyboxShell.Result r =
                run("stream_image http://server/boot/images/i gzip $DEV/vda $WORK/sum > $WORK/dd.log && cat $WORK/sum");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().trim()).isEqualTo(sha256(b.toByteArray()));
        byte[] disk = Files.readAllBytes(tmp.resolve("dev/vda"));
        assertThat(java.util.Arrays.copyOf(disk, raw.length)).isEqualTo(raw);
    }

    @Test
    void aDownloadThatBreaksMidStreamFailsTheWriteSoItIsStartedAgain() throws Exception {
        byte[] raw = new byte[2 << 20];
        new java.util.Random(5).nextBytes(raw);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(raw);
        }
        Path part = tmp.resolve("part.gz");
        Files.write(part, java.util.Arrays.copyOf(b.toByteArray(), b.size() / 2));
        Files.write(tmp.resolve("dev/vda"), new byte[4 << 20]);
        // busybox wget when the server goes away: what arrived so far, then exit 1
        sh.fake("wget", "cat " + part + "\necho 'wget: connection closed prematurely' >&2\nexit 1\n");
        for (String format : java.util.List.of("gzip", "raw")) {
            BusyboxShell.Result r =
                    run("stream_image http://server/boot/images/i " + format + " $DEV/vda $WORK/sum; echo rc=$?");
            assertThat(r.out()).as(format + ": " + r.err()).contains("the download broke (wget exit 1)", "rc=1");
        }
    }

    @Test
    void aRegisteredGzipImageThatDoesNotDecompressFailsTheCheckThoughItsHashMatches() throws Exception {
        byte[] raw = new byte[2 << 20];
        new java.util.Random(9).nextBytes(raw);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(raw);
        }
        byte[] truncated = java.util.Arrays.copyOf(b.toByteArray(), b.size() / 2);
        Path served = tmp.resolve("broken.gz");
        Files.write(served, truncated);
        Files.write(tmp.resolve("dev/vda"), new byte[4 << 20]);
        sh.fake("wget", "cat " + served + "\n");
        BusyboxShell.Result written = run(
                "stream_image http://server/boot/images/i gzip $DEV/vda $WORK/image.sha256 > $WORK/dd.log; echo rc=$?");
        assertThat(written.out()).as("the download itself is whole").contains("rc=0");

        BusyboxShell.Result r = run("verify_image " + sha256(truncated) + " vda");
        assertThat(r.exit()).isNotZero();
        assertThat(r.out()).contains("matches its sha256 but does not decompress (gunzip exit");
        assertZero(Files.readAllBytes(tmp.resolve("dev/vda")), 0, 1 << 20, "first MiB");
    }

    @Test
    void aRawImageOfKnownSizeIsWrittenByWgetAndHashedByReadingItBack() throws Exception {
        byte[] image = new byte[(3 << 20) + 123];
        new java.util.Random(11).nextBytes(image);
        Path served = tmp.resolve("image.raw");
        Files.write(served, image);
        Files.write(tmp.resolve("dev/vda"), new byte[4 << 20]);
        // a wget that honours -O, as busybox's does
        String wget = "out=-; while [ $# -gt 0 ]; do [ \"$1\" = -O ] && { out=$2; shift; }; shift; done\n"
                + "if [ \"$out\" = - ]; then cat %s; else dd if=%s of=\"$out\" conv=notrunc 2>/dev/null; fi\n";
        sh.fake("wget", wget.formatted(served, served));
        String call =
                "stream_image http://server/boot/images/i raw $DEV/vda $WORK/sum %d > $WORK/dd.log && cat $WORK/sum";
        BusyboxShell.Result r = run(call.formatted(image.length));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().trim()).isEqualTo(sha256(image));
        byte[] disk = Files.readAllBytes(tmp.resolve("dev/vda"));
        assertThat(java.util.Arrays.copyOf(disk, image.length)).isEqualTo(image);

        // a download cut short leaves other bytes in the range read back: the hash no longer matches
        Files.write(served, java.util.Arrays.copyOf(image, 1 << 20));
        Files.write(tmp.resolve("dev/vda"), new byte[4 << 20]);
        BusyboxShell.Result cut = run(call.formatted(image.length));
        assertThat(cut.exit()).as(cut.err()).isZero();
        assertThat(cut.out().trim()).isNotEqualTo(sha256(image)).hasSize(64);
    }

    @Test
    void aHashMismatchWipesTheFirstMebibyteAndSaysWhatWasExpected() throws Exception {
        byte[] data = new byte[2 << 20];
        java.util.Arrays.fill(data, (byte) 1);
        Files.write(tmp.resolve("dev/vda"), data);
        Files.writeString(tmp.resolve("work/image.sha256"), "abc123\n");
        BusyboxShell.Result r = run("verify_image def456 vda");
        assertThat(r.exit()).isNotZero();
        assertThat(r.out()).contains("expected def456 got abc123");
        byte[] disk = Files.readAllBytes(tmp.resolve("dev/vda"));
        assertZero(disk, 0, 1 << 20, "first MiB");
        assertThat(disk[(1 << 20) + 1]).isEqualTo((byte) 1);
    }

    @Test
    void apiSortsFailuresIntoUnauthorizedRefusedAndRetryable() throws Exception {
        String call = "URL=http://s TOKEN=t\napi GET /agent/v1/job; echo rc=$?";
        sh.fake("wget", "echo 'wget: server returned error: HTTP/1.1 401 Unauthorized' >&2; exit 1\n");
        assertThat(run(call).out()).contains("rc=2");
        sh.fake("wget", "echo 'wget: server returned error: HTTP/1.1 404 Not Found' >&2; exit 1\n");
        assertThat(run(call).out()).contains("rc=3");
        sh.fake("wget", "echo 'wget: server returned error: HTTP/1.1 503 Service Unavailable' >&2; exit 1\n");
        assertThat(run(call).out()).contains("rc=1");
        sh.fake("wget", "echo \"wget: can't connect to remote host (1.2.3.4): Connection refused\" >&2; exit 1\n");
        assertThat(run(call).out()).contains("rc=1");
    }

    @Test
    void callRetriesConnectionErrorsWithBackOffUntilTheServerAnswers() throws Exception {
        sh.fake("wget", """
        n=$(cat "$WORK/n" 2>/dev/null || echo 0); n=$((n + 1)); echo $n > "$WORK/n"
        [ $n -ge 4 ] && exit 0
        echo "wget: can't connect to remote host" >&2; exit 1
        """);
        String script = """
        sleep() { echo "slept $1"; }
        URL=http://s TOKEN=t BACKOFF_MAX=2
        call GET /agent/v1/job; echo "rc=$? after $(cat $WORK/n)"
        """;
        BusyboxShell.Result r = run(script);
        assertThat(r.out()).contains("slept 1\nslept 2\nslept 2\nrc=0 after 4");
    }

    private BusyboxShell.Result run(String script) throws IOException, InterruptedException {
        return sh.run(env, script);
    }

    static Path repo() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("drivers/netboot/agent"))) {
            p = p.getParent();
        }
        return p;
    }

    private static void assertZero(byte[] b, int from, int len, String what) {
        for (int i = from; i < from + len; i++) {
            if (b[i] != 0) {
                throw new AssertionError(what + ": byte " + i + " is " + b[i]);
            }
        }
    }

    /** A sparse disk file with an MBR holding one partition per {start, sectors} pair. */
    private static void mbrDisk(Path disk, long size, int[] startAndSectors) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(disk.toFile(), "rw")) {
            f.setLength(size);
            ByteBuffer e = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            e.put((byte) 0x80)
                    .put(new byte[] {(byte) 0xfe, (byte) 0xff, (byte) 0xff})
                    .put((byte) 0x0e)
                    .put(new byte[] {(byte) 0xfe, (byte) 0xff, (byte) 0xff})
                    .putInt(startAndSectors[0])
                    .putInt(startAndSectors[1]);
            f.seek(446);
            f.write(e.array());
            f.seek(510);
            f.write(new byte[] {0x55, (byte) 0xaa});
        }
    }

    /** {type, start, sectors} of MBR entry n (1-4). */
    private static int[] mbrEntry(Path disk, int n) throws IOException {
        byte[] mbr = new byte[512];
        try (RandomAccessFile f = new RandomAccessFile(disk.toFile(), "r")) {
            f.readFully(mbr);
        }
        ByteBuffer b = ByteBuffer.wrap(mbr).order(ByteOrder.LITTLE_ENDIAN);
        int e = 446 + (n - 1) * 16;
        return new int[] {mbr[e + 4] & 0xff, b.getInt(e + 8), b.getInt(e + 12)};
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
