package io.slipway.api.http;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.StoreHandle;
import io.slipway.store.testing.PostgresExtension;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fuzzes the JSON bodies of every POST route over HTTP against a real server and database, from the
 * committed corpus in {@code src/test/resources/fuzz/json} (one file per seed: {@code METHOD PATH} on
 * the first line, the body after it; past findings included, replayed first). Every answer must be a
 * 4xx or 2xx with a body naming the problem, never a 5xx, a stack trace or SQL. Runs {@code
 * -Dfuzz.seconds} (30 by default) with seed {@code -Dfuzz.seed}; findings are saved under {@code
 * target/fuzz-findings/json}. See docs/fuzzing.md.
 */
@ExtendWith(PostgresExtension.class)
class JsonBodyFuzzIT {
    private static final String[] TOKENS = {
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "\\u0000",
        "\\ud800",
        "null",
        "true",
        "-1",
        "1e999",
        "0.5",
        "\"revision:1\"",
        "\"http://127.0.0.1:9/x\"",
        "\"deckhand+http://a:b@127.0.0.1:9/\"",
        "/* c */",
        "//c\n",
        "\"action\":\"deploy_nodes\",",
        "\"action\":\"deploy_nodes\",\"action\":\"destroy_nodes\",",
        "\"extra\":1,",
        "\"node_filter\":{\"filter_set\":[{}]},",
        "\u0000",
        "\uFEFF",
        "\t",
        "\n"
    };

    record Seed(HttpMethod method, String path, byte[] body) {}

    @Test
    void postBodiesNeverGetA5xx(StoreHandle store) throws Exception {
        long seconds = Long.getLong("fuzz.seconds", 30);
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Random rnd = new Random(seed);
        List<Seed> corpus = corpus();
        List<String> findings = new ArrayList<>();
        try (ApiHarness h = new ApiHarness(store)) {
            post(h, "/api/v1.0/designs", "application/yaml", h.labSite().getBytes(StandardCharsets.UTF_8));
            corpus.forEach(s -> check(h, s, s.body(), findings));
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long runs = 0;
            while (System.nanoTime() < end && findings.size() < 10) {
                Seed s = corpus.get(rnd.nextInt(corpus.size()));
                byte[] body = s.body();
                for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
                    body = mutate(
                            rnd, body, corpus.get(rnd.nextInt(corpus.size())).body());
                }
                check(h, s, body, findings);
                runs++;
            }
            System.out.printf(
                    "JSON body fuzzing: %d requests in %d s (seed %d), %d corpus entries, %d finding(s)%n",
                    runs, seconds, seed, corpus.size(), findings.size());
        }
        assertThat(findings)
                .as("findings (saved under target/fuzz-findings/json; seed " + seed + ")")
                .isEmpty();
    }

    private static void check(ApiHarness h, Seed s, byte[] body, List<String> findings) {
        HttpResponse<Buffer> r = result(h.http.request(s.method(), h.server.port(), "127.0.0.1", s.path())
                .putHeader("Authorization", "Bearer " + ApiHarness.TOKEN)
                .putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(body)));
        String answer = r.bodyAsString() == null ? "" : r.bodyAsString();
        boolean bad = r.statusCode() >= 500 && r.statusCode() != 503
                || r.statusCode() >= 400 && answer.isBlank()
                || answer.contains("Exception")
                || answer.contains("at io.")
                || answer.contains("SELECT")
                || answer.contains("INSERT");
        if (bad) {
            findings.add(save(s, body, r.statusCode() + " " + answer));
        }
    }

    private static byte[] mutate(Random rnd, byte[] b, byte[] other) {
        int at = b.length == 0 ? 0 : rnd.nextInt(b.length + 1);
        return switch (rnd.nextInt(6)) {
            case 0 -> {
                byte[] c = b.clone();
                if (c.length > 0) {
                    c[rnd.nextInt(c.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
                yield c;
            }
            case 1, 2 -> insert(b, at, TOKENS[rnd.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
            case 3 -> java.util.Arrays.copyOf(b, at);
            case 4 -> insert(b, at, java.util.Arrays.copyOfRange(other, 0, rnd.nextInt(other.length + 1)));
            default ->
                insert(
                        b,
                        at,
                        ("\"" + "x".repeat(rnd.nextInt(10) == 0 ? 200_000 : rnd.nextInt(200)) + "\"")
                                .getBytes(StandardCharsets.UTF_8));
        };
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + what.length);
        out.write(b, 0, at);
        out.write(what, 0, what.length);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    private static String save(Seed s, byte[] body, String why) {
        try {
            Path dir = Files.createDirectories(Path.of("target/fuzz-findings/json"));
            Path f = dir.resolve("finding-" + Integer.toHexString(java.util.Arrays.hashCode(body)) + ".txt");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes((s.method() + " " + s.path() + "\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(body);
            Files.write(f, out.toByteArray());
            return f + ": " + why.substring(0, Math.min(300, why.length()));
        } catch (IOException e) {
            return why;
        }
    }

    private static void post(ApiHarness h, String path, String type, byte[] body) {
        HttpResponse<Buffer> r = result(h.http.post(h.server.port(), "127.0.0.1", path)
                .putHeader("Authorization", "Bearer " + ApiHarness.TOKEN)
                .putHeader("Content-Type", type)
                .sendBuffer(Buffer.buffer(body)));
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    }

    private static List<Seed> corpus() throws IOException {
        List<Seed> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/fuzz/json"))) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                byte[] all = Files.readAllBytes(p);
                int nl = 0;
                while (all[nl] != '\n') {
                    nl++;
                }
                String[] head = new String(all, 0, nl, StandardCharsets.UTF_8).split(" ", 2);
                out.add(new Seed(
                        HttpMethod.valueOf(head[0]), head[1], java.util.Arrays.copyOfRange(all, nl + 1, all.length)));
            }
        }
        return out;
    }
}
