package io.slipway.drivers.maas.sim;

import java.util.List;

/**
 * MAAS's node statuses, numbered and spelled as {@code NODE_STATUS} / {@code NODE_STATUS_CHOICES}
 * ({@code src/maasserver/enum.py:49-132}); note "Releasing failed", not "Failed releasing".
 */
final class SimStatus {
    static final List<String> NAMES = List.of(
            "New",
            "Commissioning",
            "Failed commissioning",
            "Missing",
            "Ready",
            "Reserved",
            "Deployed",
            "Retired",
            "Broken",
            "Deploying",
            "Allocated",
            "Failed deployment",
            "Releasing",
            "Releasing failed",
            "Disk erasing",
            "Failed disk erasing",
            "Rescue mode",
            "Entering rescue mode",
            "Failed to enter rescue mode",
            "Exiting rescue mode",
            "Failed to exit rescue mode",
            "Testing",
            "Failed testing");

    /** {@code RELEASABLE_STATUSES}, {@code src/maasserver/models/node.py:886-897}. */
    static final List<String> RELEASABLE = List.of(
            "Allocated",
            "Reserved",
            "Broken",
            "Deploying",
            "Deployed",
            "Failed deployment",
            "Failed disk erasing",
            "Releasing failed");

    /** The enum attribute names MAAS's power-failure event prints ({@code map_enum_reverse(NODE_STATUS)}). */
    static final List<String> ENUM = List.of(
            "NEW",
            "COMMISSIONING",
            "FAILED_COMMISSIONING",
            "MISSING",
            "READY",
            "RESERVED",
            "DEPLOYED",
            "RETIRED",
            "BROKEN",
            "DEPLOYING",
            "ALLOCATED",
            "FAILED_DEPLOYMENT",
            "RELEASING",
            "FAILED_RELEASING",
            "DISK_ERASING",
            "FAILED_DISK_ERASING",
            "RESCUE_MODE",
            "ENTERING_RESCUE_MODE",
            "FAILED_ENTERING_RESCUE_MODE",
            "EXITING_RESCUE_MODE",
            "FAILED_EXITING_RESCUE_MODE",
            "TESTING",
            "FAILED_TESTING");

    private SimStatus() {}

    static int number(String name) {
        int i = NAMES.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("MAAS has no status " + name);
        }
        return i;
    }

    static String enumName(String name) {
        return ENUM.get(number(name));
    }
}
