package io.slipway.store;

/** What a retention run removed. */
public record PurgeReport(long tasks, long messages, int batches) {

    public static PurgeReport empty() {
        return new PurgeReport(0, 0, 0);
    }

    public PurgeReport plusMessages(long count) {
        return new PurgeReport(tasks, messages + count, batches + 1);
    }

    public PurgeReport plusTasks(long count) {
        return new PurgeReport(tasks + count, messages, batches + 1);
    }
}
