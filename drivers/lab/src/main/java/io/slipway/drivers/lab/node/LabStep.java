package io.slipway.drivers.lab.node;

import io.slipway.drivers.spi.node.ApplyStep;
import java.util.Locale;

/**
 * The work the lab bootstrapper performs; each name appears in the {@link
 * io.slipway.drivers.lab.LabCallLog} and can be given a fault ({@link LabNodeFaults}).
 */
public enum LabStep {
    PREPARE_SITE,
    IDENTIFY,
    COMMISSION,
    APPLY_NETWORKING,
    APPLY_STORAGE,
    APPLY_PLATFORM,
    ALLOCATE,
    DEPLOY,
    RELEASE,
    ERASE;

    /** The name in the call log and in fault configuration, e.g. {@code apply-storage}. */
    public String logName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The step named {@code name} ({@code deploy}, {@code apply-storage}, ...). */
    public static LabStep named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    static LabStep of(ApplyStep step) {
        return switch (step) {
            case NETWORKING -> APPLY_NETWORKING;
            case STORAGE -> APPLY_STORAGE;
            case PLATFORM -> APPLY_PLATFORM;
        };
    }
}
