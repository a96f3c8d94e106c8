package io.slipway.api.auth;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads the policy YAML token by token rather than through a tree, because the tree forgets where
 * each value was and every error must name its line.
 */
final class PolicyParser {
    private static final YAMLFactory YAML = new YAMLFactory();

    private final String origin;
    private final JsonParser p;

    private PolicyParser(String origin, JsonParser p) {
        this.origin = origin;
        this.p = p;
    }

    static Map<String, Set<String>> parse(String origin, Reader in) {
        try (JsonParser p = YAML.createParser(in)) {
            return new PolicyParser(origin, p).document();
        } catch (JsonProcessingException e) {
            throw new PolicyException(origin, line(e.getLocation()), "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PolicyException(origin, 0, "cannot read the policy: " + e.getMessage());
        }
    }

    private Map<String, Set<String>> document() throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw error("expected a mapping with the key 'roles'");
        }
        Map<String, Set<String>> roles = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            if (!"roles".equals(key)) {
                throw error("unknown key '" + key + "' (the policy has only 'roles')");
            }
            if (roles != null) {
                throw error("'roles' appears twice");
            }
            p.nextToken();
            roles = roles();
        }
        if (roles == null) {
            throw new PolicyException(origin, 1, "the policy has no 'roles'");
        }
        return roles;
    }

    private Map<String, Set<String>> roles() throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw error("'roles' must map each role name to a list of permissions");
        }
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String role = p.currentName();
            if (role.isBlank() || roles.containsKey(role)) {
                throw error(role.isBlank() ? "a role name is empty" : "role '" + role + "' is defined twice");
            }
            p.nextToken();
            roles.put(role, permissions(role));
        }
        return roles;
    }

    private Set<String> permissions(String role) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw error("role '" + role + "' must be a list of permissions (use [] for none)");
        }
        Set<String> perms = new LinkedHashSet<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw error("role '" + role + "': each permission must be a plain name");
            }
            String perm = p.getText().trim();
            if (!Policy.ALL_PERMISSIONS.equals(perm) && !Permissions.isKnown(perm)) {
                throw error("role '" + role + "': unknown permission '" + perm + "'" + Suggestions.closest(perm));
            }
            perms.add(perm);
        }
        return perms;
    }

    private PolicyException error(String problem) {
        return new PolicyException(origin, line(p.currentTokenLocation()), problem);
    }

    private static int line(JsonLocation at) {
        return at == null ? 0 : Math.max(at.getLineNr(), 0);
    }
}
