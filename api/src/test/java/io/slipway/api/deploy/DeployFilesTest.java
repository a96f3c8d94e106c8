package io.slipway.api.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the files under {@code deploy/}: the Helm chart (rendered here by a small renderer that
 * knows exactly the template constructs the chart uses), the example configuration and the systemd
 * unit. No network, no helm binary.
 */
class DeployFilesTest {

    /** The options of {@code slipway serve} that a configuration file may set. */
    static final Set<String> SERVE_OPTIONS = Set.of(
            "bind",
            "port",
            "data-dir",
            "node-driver",
            "node-driver-config",
            "simulate",
            "auth-config",
            "rules",
            "cluster-name",
            "cluster-port",
            "cluster-members",
            "cluster-kubernetes-dns",
            "lease-ms",
            "renew-ms",
            "claim-ms");

    /** The keys a configuration file may hold: the options, and the driver tree. */
    static final Set<String> CONFIG_KEYS = union(SERVE_OPTIONS, Set.of("drivers"));

    /** Shorthands of the driver tree and the simulation switch, which the shipped files do not use. */
    static final Set<String> SHORTHANDS = Set.of("node-driver-config", "simulate");

    static final String HEALTH = "/api/v1.0/health";
    static final YAMLMapper YAML = new YAMLMapper();

    static Path root;
    static Path chart;

    @BeforeAll
    static void locate() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/helm"))) {
            dir = dir.getParent();
        }
        assertNotNull(dir, "no directory above the working directory holds deploy/helm");
        root = dir;
        chart = root.resolve("deploy/helm/slipway");
    }

    // ---------------------------------------------------------------- the chart

    @Test
    void defaultRenderIsValidKubernetes() throws IOException {
        List<JsonNode> docs = render(values());
        Set<String> kinds = new HashSet<>();
        for (JsonNode doc : docs) {
            kinds.add(doc.path("kind").asText());
        }
        assertEquals(
                Set.of(
                        "Deployment",
                        "Service",
                        "ConfigMap",
                        "Secret",
                        "ServiceAccount",
                        "ClusterRole",
                        "ClusterRoleBinding"),
                kinds);

        JsonNode deployment = one(docs, "Deployment", "slipway");
        assertTrue(deployment.path("spec").path("replicas").asInt() >= 2, "replicas >= 2");
        JsonNode pod = deployment.path("spec").path("template");
        JsonNode podLabels = pod.path("metadata").path("labels");
        assertEquals(deployment.path("spec").path("selector").path("matchLabels"), podLabels);

        JsonNode container = pod.path("spec").path("containers").get(0);
        assertEquals("slipway:0.1.0-SNAPSHOT", container.path("image").asText());
        assertEquals(List.of("serve", "--config", "/etc/slipway/slipway.yaml"), texts(container.path("args")));
        Map<String, Integer> ports = new java.util.HashMap<>();
        container
                .path("ports")
                .forEach(p -> ports.put(
                        p.path("name").asText(), p.path("containerPort").asInt()));
        assertEquals(Map.of("http", 9000, "hazelcast", 5701), ports);
        for (String probe : List.of("livenessProbe", "readinessProbe")) {
            JsonNode get = container.path(probe).path("httpGet");
            assertEquals(HEALTH, get.path("path").asText(), probe);
            JsonNode port = get.path("port");
            assertEquals(9000, port.isInt() ? port.asInt() : ports.get(port.asText()), probe + " port");
        }
        assertEquals("0.0.0.0", env(container, "SLIPWAY_BIND"));

        // the Secret carries the environment, and every volume names something that exists
        String secretName =
                container.path("envFrom").get(0).path("secretRef").path("name").asText();
        JsonNode secret = one(docs, "Secret", secretName);
        JsonNode data = secret.path("data");
        assertFalse(data.has("SLIPWAY_DB_URL"), "no database URL by default");
        JsonNode auth = new ObjectMapper().readTree(decode(data, "SLIPWAY_AUTH_CONFIG"));
        assertEquals(
                "/etc/slipway/secret/tokens.yaml",
                auth.path("tokens").path("file").asText());
        assertTrue(YAML.readTree(decode(data, "tokens.yaml")).path("tokens").isArray());
        new ObjectMapper().readTree(decode(data, "SLIPWAY_NODE_DRIVER_CONFIG"));
        assertRelabelAccess(docs, pod.path("spec"));

        Map<String, JsonNode> volumes = new java.util.HashMap<>();
        pod.path("spec").path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
        for (JsonNode mount : container.path("volumeMounts")) {
            assertTrue(volumes.containsKey(mount.path("name").asText()), "volume of " + mount);
        }
        assertEquals(
                secretName,
                volumes.get("secret").path("secret").path("secretName").asText());
        JsonNode configMount = mount(container, "/etc/slipway/slipway.yaml");
        JsonNode configVolume = volumes.get(configMount.path("name").asText());
        JsonNode configMap = one(
                docs, "ConfigMap", configVolume.path("configMap").path("name").asText());
        assertEquals("slipway.yaml", configMount.path("subPath").asText());
        mount(container, "/etc/slipway/secret");

        // slipway.yaml parses, uses only known options, and points discovery at the headless service
        JsonNode config =
                YAML.readTree(configMap.path("data").path("slipway.yaml").asText());
        assertTrue(config.isObject(), "slipway.yaml is a mapping");
        assertKnownOptions(config);
        assertEquals("0.0.0.0", config.path("bind").asText());
        assertEquals(9000, config.path("port").asInt());
        assertFalse(config.has("rules"), "bundled rules by default");

        JsonNode api = one(docs, "Service", "slipway");
        assertEquals(9000, api.path("spec").path("ports").get(0).path("port").asInt());
        assertEquals(podLabels, api.path("spec").path("selector"));

        JsonNode hazelcast = one(docs, "Service", "slipway-hazelcast");
        assertEquals("None", hazelcast.path("spec").path("clusterIP").asText());
        assertTrue(hazelcast.path("spec").path("publishNotReadyAddresses").asBoolean());
        assertEquals(
                5701, hazelcast.path("spec").path("ports").get(0).path("port").asInt());
        assertEquals(podLabels, hazelcast.path("spec").path("selector"));
        assertTrue(
                config.path("cluster-kubernetes-dns").asText().startsWith("slipway-hazelcast."),
                "discovery uses the headless service: " + config.path("cluster-kubernetes-dns"));
        assertEquals(5701, config.path("cluster-port").asInt());

        // a real bootstrapper, whose settings are missing until given: the pods refuse to start, naming them
        assertEquals("maas", config.path("node-driver").asText());
        assertTrue(config.path("drivers").path("kubernetes").isObject(), "relabel_nodes with the in-cluster defaults");
        List<String> problems = DriverConfigFiles.problems(config, decode(data, "SLIPWAY_NODE_DRIVER_CONFIG"));
        assertTrue(problems.contains("drivers.node.maas.url: required"), problems.toString());
        assertTrue(problems.contains("drivers.node.maas.apiKey: required"), problems.toString());
    }

    /** ServiceAccount, ClusterRole that gets and patches nodes (nothing more), binding, and the pod using them. */
    static void assertRelabelAccess(List<JsonNode> docs, JsonNode podSpec) {
        String account = podSpec.path("serviceAccountName").asText();
        assertEquals("slipway", account);
        assertTrue(podSpec.path("automountServiceAccountToken").asBoolean(), "the in-cluster token is mounted");
        one(docs, "ServiceAccount", account);
        JsonNode role = docs.stream()
                .filter(d -> d.path("kind").asText().equals("ClusterRole"))
                .findFirst()
                .orElseThrow();
        assertEquals(1, role.path("rules").size(), role.toString());
        JsonNode rule = role.path("rules").get(0);
        assertEquals(List.of(""), texts(rule.path("apiGroups")));
        assertEquals(List.of("nodes"), texts(rule.path("resources")));
        assertEquals(Set.of("get", "patch"), new HashSet<>(texts(rule.path("verbs"))));
        JsonNode binding = docs.stream()
                .filter(d -> d.path("kind").asText().equals("ClusterRoleBinding"))
                .findFirst()
                .orElseThrow();
        assertEquals("ClusterRole", binding.path("roleRef").path("kind").asText());
        assertEquals(
                role.path("metadata").path("name").asText(),
                binding.path("roleRef").path("name").asText());
        JsonNode subject = binding.path("subjects").get(0);
        assertEquals("ServiceAccount", subject.path("kind").asText());
        assertEquals(account, subject.path("name").asText());
        assertEquals("default", subject.path("namespace").asText());
    }

    @Test
    void withoutRelabellingTheChartAsksForNoClusterAccess() throws IOException {
        ObjectNode values = values();
        ((ObjectNode) values.path("kubernetes")).put("relabel", false);
        List<JsonNode> docs = render(values);
        assertTrue(docs.stream()
                .noneMatch(d -> d.path("kind").asText().startsWith("ClusterRole")
                        || d.path("kind").asText().equals("ServiceAccount")));
        JsonNode config = YAML.readTree(one(docs, "ConfigMap", "slipway-config")
                .path("data")
                .path("slipway.yaml")
                .asText());
        assertFalse(config.has("drivers"));
    }

    @Test
    void optionalPartsRender() throws IOException {
        ObjectNode values = values();
        ((ObjectNode) values.path("rules")).put("enabled", true);
        ((ObjectNode) values.path("database")).put("url", "postgresql://slipway:s3cr\"et@db:5432/slipway");
        List<JsonNode> docs = render(values);

        JsonNode secret = one(docs, "Secret", "slipway-secret");
        assertEquals("postgresql://slipway:s3cr\"et@db:5432/slipway", decode(secret.path("data"), "SLIPWAY_DB_URL"));

        JsonNode config = YAML.readTree(one(docs, "ConfigMap", "slipway-config")
                .path("data")
                .path("slipway.yaml")
                .asText());
        assertKnownOptions(config);
        assertEquals("/etc/slipway/rules", config.path("rules").asText());

        JsonNode container = one(docs, "Deployment", "slipway")
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
        mount(container, "/etc/slipway/rules/validation");
        mount(container, "/etc/slipway/rules/lifecycle");
    }

    // ---------------------------------------------------------------- the other files

    @Test
    void exampleConfigSetsEveryServeOption() throws IOException {
        JsonNode config = YAML.readTree(Files.readString(root.resolve("deploy/slipway.yaml")));
        assertKnownOptions(config);
        Set<String> keys = new HashSet<>();
        config.fieldNames().forEachRemaining(keys::add);
        Set<String> expected = new HashSet<>(CONFIG_KEYS);
        expected.removeAll(SHORTHANDS);
        expected.remove("node-driver");
        assertEquals(expected, keys);
        new ObjectMapper().readTree(config.path("auth-config").asText());
    }

    @Test
    void exampleConfigNamesARealDriverAndRefusesToStartWithoutItsSettings() throws IOException {
        JsonNode config = YAML.readTree(Files.readString(root.resolve("deploy/slipway.yaml")));
        assertEquals("maas", config.path("drivers").path("node").path("type").asText());
        assertEquals(
                List.of("drivers.node.maas.url: required", "drivers.node.maas.apiKey: required"),
                DriverConfigFiles.problems(config, null));
        ObjectNode given = config.deepCopy();
        ((ObjectNode) given.path("drivers").path("node").path("maas"))
                .put("url", "http://127.0.0.1:5240/MAAS")
                .put("apiKey", "consumer:token:secret");
        assertEquals(List.of(), DriverConfigFiles.problems(given, null));
    }

    @Test
    void systemdUnitRunsTheServer() throws IOException {
        List<String> lines = Files.readAllLines(root.resolve("deploy/systemd/slipway.service"));
        Map<String, List<String>> service = new java.util.HashMap<>();
        String section = "";
        for (String line : lines) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("[")) {
                section = l;
                continue;
            }
            int eq = l.indexOf('=');
            assertTrue(eq > 0, "key=value: " + l);
            service.computeIfAbsent(section + l.substring(0, eq), k -> new ArrayList<>())
                    .add(l.substring(eq + 1));
        }
        String exec = service.get("[Service]ExecStart").get(0);
        assertTrue(exec.contains("-jar /opt/slipway/slipway.jar serve --config /etc/slipway/slipway.yaml"), exec);
        assertEquals(List.of("on-failure"), service.get("[Service]Restart"));
        assertEquals(List.of("slipway"), service.get("[Service]User"));
        assertEquals(List.of("true"), service.get("[Service]NoNewPrivileges"));
        assertEquals(List.of("strict"), service.get("[Service]ProtectSystem"));
        assertTrue(service.get("[Service]ReadWritePaths").get(0).contains("/var/lib/slipway"));
        assertTrue(service.get("[Service]Environment").contains("SLIPWAY_DATA_DIR=/var/lib/slipway"));
        assertNotNull(service.get("[Service]LimitNOFILE"));
        assertNotNull(service.get("[Install]WantedBy"));
    }

    // ---------------------------------------------------------------- helpers

    static void assertKnownOptions(JsonNode config) {
        config.fieldNames().forEachRemaining(k -> assertTrue(CONFIG_KEYS.contains(k), "unknown serve option: " + k));
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }

    static ObjectNode values() throws IOException {
        return (ObjectNode) YAML.readTree(Files.readString(chart.resolve("values.yaml")));
    }

    static JsonNode one(List<JsonNode> docs, String kind, String name) {
        return docs.stream()
                .filter(d -> kind.equals(d.path("kind").asText())
                        && name.equals(d.path("metadata").path("name").asText()))
                .reduce((a, b) -> fail("two " + kind + " named " + name))
                .orElseGet(() -> fail("no " + kind + " named " + name));
    }

    static JsonNode mount(JsonNode container, String path) {
        for (JsonNode m : container.path("volumeMounts")) {
            if (path.equals(m.path("mountPath").asText())) {
                return m;
            }
        }
        return fail("nothing mounted at " + path);
    }

    static String env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (name.equals(e.path("name").asText())) {
                return e.path("value").asText();
            }
        }
        return fail("no env " + name);
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static String decode(JsonNode data, String key) {
        assertTrue(data.has(key), "Secret key " + key);
        return new String(Base64.getDecoder().decode(data.path(key).asText()), StandardCharsets.UTF_8);
    }

    /** Renders every template and parses each YAML document, checking the parts every object needs. */
    static List<JsonNode> render(ObjectNode values) throws IOException {
        JsonNode chartYaml = YAML.readTree(Files.readString(chart.resolve("Chart.yaml")));
        Renderer renderer = new Renderer(values, chartYaml, "slipway", "default");
        List<JsonNode> docs = new ArrayList<>();
        List<Path> templates;
        try (Stream<Path> files = Files.list(chart.resolve("templates"))) {
            templates =
                    files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(templates.isEmpty());
        for (Path template : templates) {
            String out = renderer.render(
                    Files.readString(template), template.getFileName().toString());
            assertFalse(out.contains("{{") || out.contains("}}"), template + " has unrendered template text");
            for (String text : out.split("(?m)^---\\s*$")) {
                JsonNode doc = YAML.readTree(text);
                if (doc == null || doc.isMissingNode() || doc.isNull()) {
                    continue;
                }
                String where = template.getFileName().toString();
                assertFalse(doc.path("apiVersion").asText().isEmpty(), where + ": apiVersion");
                assertFalse(doc.path("kind").asText().isEmpty(), where + ": kind");
                assertFalse(doc.path("metadata").path("name").asText().isEmpty(), where + ": metadata.name");
                docs.add(doc);
            }
        }
        return docs;
    }

    /**
     * The subset of Go templates the chart may use: {@code {{ .Values.a.b }}}, {@code .Release.Name},
     * {@code .Release.Namespace}, {@code .Chart.Name}, {@code .Chart.Version}, {@code if}/{@code end},
     * the pipes {@code quote} and {@code b64enc}, and {@code {{-}}/{@code -}}} whitespace trimming.
     * Anything else fails the test, so the chart stays renderable by this and by Helm alike.
     */
    static final class Renderer {
        private static final Pattern ACTION = Pattern.compile("\\{\\{(-?)\\s*(.*?)\\s*(-?)\\}\\}", Pattern.DOTALL);
        private final JsonNode values;
        private final JsonNode chart;
        private final String release;
        private final String namespace;

        Renderer(JsonNode values, JsonNode chart, String release, String namespace) {
            this.values = values;
            this.chart = chart;
            this.release = release;
            this.namespace = namespace;
        }

        String render(String template, String name) {
            StringBuilder out = new StringBuilder();
            Deque<Boolean> emitting = new ArrayDeque<>();
            emitting.push(true);
            Matcher m = ACTION.matcher(template);
            int at = 0;
            boolean trimNext = false;
            while (m.find()) {
                String text = template.substring(at, m.start());
                if (trimNext) {
                    text = text.stripLeading();
                }
                if (!m.group(1).isEmpty()) {
                    text = text.stripTrailing();
                }
                if (emitting.peek()) {
                    out.append(text);
                }
                trimNext = !m.group(3).isEmpty();
                at = m.end();
                String action = m.group(2);
                if (action.startsWith("if ")) {
                    emitting.push(emitting.peek()
                            && truthy(evaluate(action.substring(3).strip(), name)));
                } else if (action.equals("end")) {
                    if (emitting.size() == 1) {
                        fail(name + ": end without if");
                    }
                    emitting.pop();
                } else if (emitting.peek()) {
                    out.append(print(evaluate(action, name)));
                }
            }
            if (emitting.size() != 1) {
                fail(name + ": if without end");
            }
            String rest = template.substring(at);
            out.append(trimNext ? rest.stripLeading() : rest);
            return out.toString();
        }

        private JsonNode evaluate(String pipeline, String name) {
            String[] stages = pipeline.split("\\|");
            JsonNode value = lookup(stages[0].strip(), name);
            for (int i = 1; i < stages.length; i++) {
                String fn = stages[i].strip();
                String s = print(value);
                value = switch (fn) {
                    case "quote" ->
                        YAML.getNodeFactory()
                                .textNode("\""
                                        + s.replace("\\", "\\\\")
                                                .replace("\"", "\\\"")
                                                .replace("\n", "\\n") + "\"");
                    case "b64enc" ->
                        YAML.getNodeFactory()
                                .textNode(Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
                    default -> fail(name + ": unsupported function " + fn);
                };
            }
            return value;
        }

        private JsonNode lookup(String path, String name) {
            if (path.equals(".Release.Name")) {
                return YAML.getNodeFactory().textNode(release);
            }
            if (path.equals(".Release.Namespace")) {
                return YAML.getNodeFactory().textNode(namespace);
            }
            if (path.equals(".Chart.Name")) {
                return chart.path("name");
            }
            if (path.equals(".Chart.Version")) {
                return chart.path("version");
            }
            if (!path.startsWith(".Values.")) {
                return fail(name + ": unsupported expression " + path);
            }
            JsonNode node = values;
            for (String part : path.substring(".Values.".length()).split("\\.")) {
                node = node.path(part);
            }
            if (node.isMissingNode()) {
                fail(name + ": " + path + " is not in values.yaml");
            }
            return node;
        }

        private static boolean truthy(JsonNode v) {
            if (v == null || v.isNull() || v.isMissingNode()) {
                return false;
            }
            if (v.isBoolean()) {
                return v.asBoolean();
            }
            if (v.isNumber()) {
                return v.asDouble() != 0;
            }
            if (v.isTextual()) {
                return !v.asText().isEmpty();
            }
            return v.size() > 0;
        }

        private static String print(JsonNode v) {
            if (v.isContainerNode()) {
                fail("a map or list cannot be printed: " + v);
            }
            return v.isNull() ? "" : v.asText();
        }
    }
}
