package io.slipway.api.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The role → permissions table an operator edits ({@code deploy/policy.yaml}):
 *
 * <pre>
 * roles:
 *   admin: ["*"]            # every permission, including ones added by later releases
 *   reader:
 *     - physical_provisioner:read_task
 * </pre>
 *
 * <p>Immutable and thread-safe once built. Loading reads a file, so call {@link #load} at startup
 * or inside {@code executeBlocking}, never on an event loop. Every problem is a {@link
 * PolicyException} naming {@code file:line}.
 */
public final class Policy {
    /** The wildcard that grants every permission. */
    public static final String ALL_PERMISSIONS = "*";

    static final String BUNDLED = "slipway/policy.yaml";

    private final Map<String, Set<String>> roles;

    private Policy(Map<String, Set<String>> roles) {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        roles.forEach((role, perms) -> copy.put(role, expand(perms)));
        this.roles = Collections.unmodifiableMap(copy);
    }

    /** Reads and checks a policy file. */
    public static Policy load(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), in);
        } catch (IOException e) {
            throw new PolicyException(file.toString(), 0, "cannot read the policy: " + e.getMessage());
        }
    }

    /** The default policy shipped in the jar (the same text as {@code deploy/policy.yaml}). */
    public static Policy bundled() {
        InputStream in = Policy.class.getClassLoader().getResourceAsStream(BUNDLED);
        if (in == null) {
            throw new PolicyException("classpath:" + BUNDLED, 0, "the bundled policy is missing from the jar");
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse("classpath:" + BUNDLED, r);
        } catch (IOException e) {
            throw new PolicyException("classpath:" + BUNDLED, 0, e.getMessage());
        }
    }

    /** Parses policy text; {@code origin} names it in error messages. */
    public static Policy parse(String origin, String yaml) {
        return parse(origin, new StringReader(yaml));
    }

    /** A policy built in code (tests, embedding); permission names are checked like a file's. */
    public static Policy of(Map<String, ? extends Collection<String>> roles) {
        Map<String, Set<String>> checked = new LinkedHashMap<>();
        roles.forEach((role, perms) -> {
            for (String p : perms) {
                if (!ALL_PERMISSIONS.equals(p)) {
                    Permissions.requireKnown(p);
                }
            }
            checked.put(role, new LinkedHashSet<>(perms));
        });
        return new Policy(checked);
    }

    static Policy parse(String origin, Reader in) {
        return new Policy(PolicyParser.parse(origin, in));
    }

    /** Role names defined by the policy, in file order. */
    public Set<String> roles() {
        return roles.keySet();
    }

    /** The permissions of one role (wildcards expanded); empty for roles the policy does not define. */
    public Set<String> permissionsOf(String role) {
        return roles.getOrDefault(role, Set.of());
    }

    /** Whether any of {@code roles} grants {@code permission}. Unknown roles grant nothing. */
    public boolean grants(Collection<String> principalRoles, String permission) {
        for (String role : principalRoles) {
            if (permissionsOf(role).contains(permission)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> expand(Set<String> perms) {
        return perms.contains(ALL_PERMISSIONS) ? Permissions.ALL : Set.copyOf(perms);
    }

    @Override
    public String toString() {
        return "Policy" + roles.keySet();
    }
}
