package io.slipway.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo} keeps its data where {@code --data-dir} says, and deletes its throw-away directory on exit. */
class DemoDataDirIT {

    @Test
    void theDemoHonoursDataDirAndCleansUpItsOwn(@TempDir Path dir) throws Exception {
        Path chosen = dir.resolve("demo-data");
        CliRun kept = demo("--data-dir", chosen.toString());
        assertThat(kept.exit()).as(kept.out() + kept.err()).isZero();
        assertThat(kept.out()).contains("data in " + chosen + ")");
        assertThat(chosen.resolve("pgdata")).isDirectory();

        CliRun thrown = demo();
        assertThat(thrown.exit()).as(thrown.out() + thrown.err()).isZero();
        Matcher m = Pattern.compile("data in (\\S+), deleted on exit").matcher(thrown.out());
        assertThat(m.find()).as(thrown.out()).isTrue();
        assertThat(Path.of(m.group(1))).doesNotExist();
    }

    private static CliRun demo(String... extra) throws Exception {
        String[] base = {
            "demo",
            "--exit",
            "--port",
            "0",
            "--cluster-port",
            Integer.toString(freePort()),
            "--site",
            CliRun.repoRoot().resolve("site-examples/lab-site.yaml").toString()
        };
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
