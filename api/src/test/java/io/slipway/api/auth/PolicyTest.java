package io.slipway.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTest {

    @Test
    void bundledPolicyLetsOperatorsUseEveryNodeVerbAndOnlyAdminReadSecrets() {
        Policy p = Policy.bundled();
        assertThat(p.permissionsOf("operator"))
                .contains(
                        Permissions.RELEASE_NODE,
                        Permissions.MAINTAIN_NODE,
                        Permissions.ABORT_STEP,
                        Permissions.CONFIRM_MANUAL)
                .doesNotContain(Permissions.READ_SECRETS);
        assertThat(p.permissionsOf("reader")).doesNotContain(Permissions.READ_SECRETS, Permissions.RELEASE_NODE);
        assertThat(p.permissionsOf("admin")).contains(Permissions.READ_SECRETS);
    }

    @Test
    void bundledPolicyGivesAdminEverythingOperatorTheWorkAndReaderTheReads() {
        Policy p = Policy.bundled();
        assertThat(p.roles()).containsExactly("admin", "operator", "reader");
        assertThat(p.permissionsOf("admin")).isEqualTo(Permissions.ALL);
        assertThat(p.permissionsOf("operator"))
                .contains(
                        Permissions.CREATE_TASK,
                        Permissions.forTaskAction("deploy_nodes"),
                        Permissions.INGEST_DATA,
                        Permissions.MANAGE_NODE,
                        Permissions.PLAN)
                .doesNotContain(Permissions.DELETE_TASKS, Permissions.READ_SECRETS);
        assertThat(p.permissionsOf("reader"))
                .containsExactlyInAnyOrder(
                        Permissions.READ_TASK,
                        Permissions.READ_DATA,
                        Permissions.READ_BUILD_DATA,
                        Permissions.HEALTH_DATA,
                        Permissions.READ_NODE,
                        Permissions.EXPLAIN);
    }

    @Test
    void everyTaskActionHasItsDrydockPermission() {
        assertThat(Permissions.TASK_ACTIONS)
                .allSatisfy(a -> assertThat(Permissions.isKnown("physical_provisioner:" + a))
                        .isTrue());
        assertThat(Permissions.ALL).hasSize(16 + 4 + 5); // Drydock 16, Slipway 4, operator verbs and read_secrets 5
        assertThatThrownBy(() -> Permissions.forTaskAction("reboot_nodes"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deployedPolicyIsTheBundledOne() throws IOException {
        Path deployed =
                Path.of(System.getProperty("user.dir")).resolveSibling("deploy").resolve("policy.yaml");
        try (var bundled = Policy.class.getClassLoader().getResourceAsStream(Policy.BUNDLED)) {
            assertThat(Files.readString(deployed)).isEqualTo(new String(bundled.readAllBytes(), "UTF-8"));
        }
    }

    @Test
    void unknownPermissionNamesFileLineAndNearestName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, """
        roles:
          ops:
            - physical_provisioner:read_task
            - physical_provisioner:read_tasks
        """);
        assertThatThrownBy(() -> Policy.load(file))
                .isInstanceOf(PolicyException.class)
                .hasMessage(file + ":4: role 'ops': unknown permission 'physical_provisioner:read_tasks'"
                        + " (did you mean 'physical_provisioner:read_task'?)")
                .satisfies(e -> assertThat(((PolicyException) e).line()).isEqualTo(4));
    }

    @Test
    void badYamlNamesTheLine() {
        assertThatThrownBy(() -> Policy.parse("p.yaml", "roles:\n  admin: [\"*\"\n  reader: [x\n"))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("p.yaml:")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void structuralMistakesAreNamed() {
        assertThat(problem("rules:\n  admin: [\"*\"]\n"))
                .isEqualTo("p.yaml:1: unknown key 'rules' (the policy has only 'roles')");
        assertThat(problem("roles:\n  admin: \"*\"\n"))
                .isEqualTo("p.yaml:2: role 'admin' must be a list of permissions (use [] for none)");
        assertThat(problem("roles:\n  a: []\n  a: []\n")).isEqualTo("p.yaml:3: role 'a' is defined twice");
        assertThat(problem("roles:\n  a:\n    - {x: 1}\n")).startsWith("p.yaml:3: role 'a': each permission");
        assertThat(problem("- admin\n")).startsWith("p.yaml:1: expected a mapping");
        assertThat(problem("roles:\n  admin:\n    - frobnicate\n"))
                .endsWith("(the permissions are listed in docs/auth.md)");
    }

    @Test
    void missingFileIsLineZero(@TempDir Path dir) {
        assertThatThrownBy(() -> Policy.load(dir.resolve("absent.yaml")))
                .isInstanceOf(PolicyException.class)
                .satisfies(e -> assertThat(((PolicyException) e).line()).isZero());
    }

    @Test
    void undefinedRolesGrantNothingAndAnyRoleSuffices() {
        Policy p = Policy.parse("p.yaml", "roles:\n  viewer: [slipway:read_node]\n  empty: []\n");
        assertThat(p.grants(Set.of("ghost", "viewer"), Permissions.READ_NODE)).isTrue();
        assertThat(p.grants(Set.of("ghost", "empty"), Permissions.READ_NODE)).isFalse();
        assertThat(p.permissionsOf("ghost")).isEmpty();
    }

    @Test
    void policiesBuiltInCodeAreCheckedToo() {
        assertThat(Policy.of(Map.of("a", List.of("*"))).permissionsOf("a")).isEqualTo(Permissions.ALL);
        assertThatThrownBy(() -> Policy.of(Map.of("a", List.of("slipway:fly"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String problem(String yaml) {
        try {
            Policy.parse("p.yaml", yaml);
            throw new AssertionError("accepted: " + yaml);
        } catch (PolicyException e) {
            return e.getMessage();
        }
    }
}
