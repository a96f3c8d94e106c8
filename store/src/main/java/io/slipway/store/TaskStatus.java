package io.slipway.store;

/**
 * The task status words the store itself relies on. Statuses are stored as text, so the engine owns
 * the full vocabulary; the store only needs to know which tasks are claimable and which are
 * finished.
 */
public final class TaskStatus {

    public static final String REQUESTED = "requested";
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String TERMINATING = "terminating";
    public static final String TERMINATED = "terminated";
    public static final String COMPLETE = "complete";

    private TaskStatus() {}

    /** Finished tasks are the only ones retention may purge. */
    public static boolean finished(String status) {
        return COMPLETE.equals(status) || TERMINATED.equals(status);
    }
}
