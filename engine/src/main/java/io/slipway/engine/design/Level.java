package io.slipway.engine.design;

/** Severity of a {@link Finding}; only {@link #ERROR} fails a design. */
public enum Level {
    ERROR("Error"),
    WARNING("Warning"),
    INFO("Info");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    /** The spelling used in Drydock-compatible output ({@code Error}, {@code Warning}, {@code Info}). */
    public String label() {
        return label;
    }
}
