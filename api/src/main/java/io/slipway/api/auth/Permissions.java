package io.slipway.api.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every permission a policy may grant and a route may require. Drydock's policy names are kept
 * unchanged so that existing role set-ups and tooling carry over; routes Drydock does not have get
 * {@code slipway:*} names.
 *
 * <p>The set is closed: a policy naming anything else is rejected at load time and a route asking
 * for anything else fails when it is wired, so a typo can never silently open or close a route.
 */
public final class Permissions {
    private static final String DD = "physical_provisioner:";

    public static final String READ_TASK = DD + "read_task";
    public static final String CREATE_TASK = DD + "create_task";
    public static final String DELETE_TASKS = DD + "delete_tasks";
    public static final String READ_DATA = DD + "read_data";
    public static final String INGEST_DATA = DD + "ingest_data";
    public static final String READ_BUILD_DATA = DD + "read_build_data";
    public static final String VALIDATE_SITE_DESIGN = DD + "validate_site_design";
    public static final String HEALTH_DATA = DD + "health_data";
    public static final String READ_NODE = "slipway:read_node";
    public static final String EXPLAIN = "slipway:explain";
    public static final String PLAN = "slipway:plan";
    public static final String MANAGE_NODE = "slipway:manage_node";
    public static final String RELEASE_NODE = "slipway:release_node";
    public static final String MAINTAIN_NODE = "slipway:maintain_node";
    public static final String ABORT_STEP = "slipway:abort_step";
    public static final String CONFIRM_MANUAL = "slipway:confirm_manual";
    public static final String READ_SECRETS = "slipway:read_secrets";

    /** The task actions of {@code POST /tasks}; each one is also a permission of the same name. */
    public static final List<String> TASK_ACTIONS = List.of(
            "validate_design",
            "verify_site",
            "prepare_site",
            "verify_nodes",
            "prepare_nodes",
            "deploy_nodes",
            "destroy_nodes",
            "relabel_nodes");

    private static final Map<String, String> DESCRIPTIONS = describeAll();

    /** All permission names, in documentation order. */
    public static final Set<String> ALL = Collections.unmodifiableSet(DESCRIPTIONS.keySet());

    private Permissions() {}

    /** Whether {@code name} is a permission (the policy wildcard {@code *} is not). */
    public static boolean isKnown(String name) {
        return DESCRIPTIONS.containsKey(name);
    }

    /** One line saying what the permission guards; {@code null} for unknown names. */
    public static String describe(String name) {
        return DESCRIPTIONS.get(name);
    }

    /**
     * The permission needed to submit a task with this action ({@code POST /tasks} checks it after
     * {@link #CREATE_TASK}, as Drydock does).
     *
     * @throws IllegalArgumentException if {@code action} is not a task action
     */
    public static String forTaskAction(String action) {
        if (!TASK_ACTIONS.contains(action)) {
            throw new IllegalArgumentException("not a task action: " + action + " (one of " + TASK_ACTIONS + ")");
        }
        return DD + action;
    }

    /** Returns {@code name} or fails; used where routes are wired, to catch typos at startup. */
    static String requireKnown(String name) {
        if (!isKnown(name)) {
            throw new IllegalArgumentException("unknown permission '" + name + "'");
        }
        return name;
    }

    private static Map<String, String> describeAll() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(READ_TASK, "GET /tasks, GET /tasks/{id}");
        d.put(CREATE_TASK, "POST /tasks (plus the permission of the task's action)");
        for (String action : TASK_ACTIONS) {
            d.put(DD + action, "POST /tasks with action " + action);
        }
        d.put(DELETE_TASKS, "DELETE /tasks (purge old tasks)");
        d.put(READ_DATA, "GET designs and their parts, GET /nodes, POST /nodefilter");
        d.put(INGEST_DATA, "POST /designs and design parts");
        d.put(READ_BUILD_DATA, "GET /nodes/{hostname}/builddata, GET /tasks/{id}/builddata");
        d.put(VALIDATE_SITE_DESIGN, "POST /validatedesign");
        d.put(HEALTH_DATA, "GET /health/extended");
        d.put(READ_NODE, "read node lifecycle state, history and timeline");
        d.put(EXPLAIN, "ask why a node is in its state or why an action was (not) taken");
        d.put(PLAN, "dry-run a task: which nodes it would touch and how");
        d.put(MANAGE_NODE, "pause or resume a single node");
        d.put(RELEASE_NODE, "POST /nodes/{hostname}/release: release a quarantined node");
        d.put(MAINTAIN_NODE, "PUT/DELETE /nodes/{hostname}/maintenance: put a node in maintenance or take it out");
        d.put(ABORT_STEP, "POST /nodes/{hostname}/abort: abort the step running on a node");
        d.put(CONFIRM_MANUAL, "POST /nodes/{hostname}/confirm|reject: answer a manual BMC request");
        d.put(READ_SECRETS, "see BMC credentials and other secrets in design text (redacted as *** otherwise)");
        return d;
    }
}
