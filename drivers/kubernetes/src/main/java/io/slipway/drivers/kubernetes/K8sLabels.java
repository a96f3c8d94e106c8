package io.slipway.drivers.kubernetes;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Kubernetes' syntax for node names, label keys and label values (apimachinery's
 * IsDNS1123Subdomain, IsQualifiedName and IsValidLabelValue), checked before anything is sent so
 * that a bad design value is refused with a clear message instead of an API server 422.
 */
final class K8sLabels {

    private static final Pattern SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

    private K8sLabels() {}

    /** Why {@code node} is not a valid node name, or null. */
    static String nodeProblem(String node) {
        return node != null && node.length() <= 253 && SUBDOMAIN.matcher(node).matches()
                ? null
                : "node name '" + node + "' is not a DNS subdomain";
    }

    /** Why the change is not valid, or null. */
    static String problem(Map<String, String> labels, Set<String> remove) {
        for (Map.Entry<String, String> e : labels.entrySet()) {
            String p = keyProblem(e.getKey());
            if (p == null) {
                p = valueProblem(e.getKey(), e.getValue());
            }
            if (p == null && remove.contains(e.getKey())) {
                p = "label " + e.getKey() + " is both set and removed";
            }
            if (p != null) {
                return p;
            }
        }
        return remove.stream()
                .map(K8sLabels::keyProblem)
                .filter(p -> p != null)
                .findFirst()
                .orElse(null);
    }

    /** The merge patch: {@code {"metadata":{"labels":{"k":"v","removed":null}}}}. */
    static JsonObject patch(Map<String, String> labels, Set<String> remove) {
        JsonObject changes = new JsonObject();
        labels.forEach(changes::put);
        remove.forEach(changes::putNull);
        return new JsonObject().put("metadata", new JsonObject().put("labels", changes));
    }

    private static String keyProblem(String key) {
        if (key == null || key.isEmpty()) {
            return "empty label key";
        }
        int slash = key.indexOf('/');
        String prefix = slash < 0 ? null : key.substring(0, slash);
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (prefix != null
                && (prefix.isEmpty()
                        || prefix.length() > 253
                        || !SUBDOMAIN.matcher(prefix).matches())) {
            return "label key " + key + ": prefix must be a DNS subdomain";
        }
        if (name.length() > 63 || !NAME.matcher(name).matches()) {
            return "label key "
                    + key
                    + ": name must be 1-63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric";
        }
        return null;
    }

    private static String valueProblem(String key, String value) {
        if (value == null) {
            return "label " + key + " has no value (use remove to delete it)";
        }
        if (value.isEmpty()) {
            return null;
        }
        return value.length() <= 63 && NAME.matcher(value).matches()
                ? null
                : "label "
                        + key
                        + ": value '"
                        + value
                        + "' must be at most 63 alphanumerics, '-', '_' or '.', starting and ending"
                        + " alphanumeric";
    }
}
