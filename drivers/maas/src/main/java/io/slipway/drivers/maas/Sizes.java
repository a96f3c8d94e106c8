package io.slipway.drivers.maas;

import io.slipway.drivers.maas.api.Machine;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes in Drydock's notation ({@code ApplyNodeStorage.calculate_bytes}): {@code m}/{@code mb}, {@code g}/{@code gb},
 * {@code t}/{@code tb} are decimal (10^6, 10^9, 10^12), {@code mi}/{@code mib}, {@code gi}/{@code gib}, {@code
 * ti}/{@code tib} binary, any case; {@code 25%} of the whole device or volume group; {@code >30g}: all the space
 * MAAS still has, which must be at least 30g. Partition space follows MAAS's own arithmetic.
 */
final class Sizes {
    static final long MIB = 1L << 20;
    /** {@code PARTITION_ALIGNMENT_SIZE} and {@code LVM_PE_SIZE} in MAAS ({@code models/partition.py:37}, {@code models/filesystemgroup.py:38}). */
    static final long ALIGN = 4 * MIB;

    private static final Pattern SIZE =
            Pattern.compile("(>)?\\s*(\\d+(?:\\.\\d+)?)\\s*(?:([kmgt])(i)?b?|b)?|(\\d+(?:\\.\\d+)?)\\s*%");

    private Sizes() {}

    /**
     * The size in bytes, rounded down to MAAS's 4 MiB alignment, for {@code spec} on a device of {@code total}
     * bytes of which MAAS still offers {@code free}; fails {@code REFUSED} naming {@code what} when it does not fit.
     */
    static long bytes(String spec, long total, long free, String what) {
        Matcher m = SIZE.matcher(spec.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw refused(what + ": size " + spec + " is not understood (e.g. 30g, 30GB, 512mi, 10GiB, 25%, >100g)");
        }
        long wanted;
        if (m.group(5) != null) {
            wanted = (long) (total * Double.parseDouble(m.group(5)) / 100);
        } else {
            long amount = (long) (Double.parseDouble(m.group(2)) * multiplier(m.group(3), m.group(4) != null));
            if (m.group(1) != null && free < amount) {
                throw refused(what + ": needs at least " + spec.trim().substring(1) + ", MAAS has " + (free / MIB)
                        + " MiB left");
            }
            wanted = m.group(1) != null ? free : amount;
        }
        wanted = alignDown(wanted);
        if (wanted > free || wanted <= 0) {
            throw refused(what + ": " + spec + " does not fit (MAAS has " + (free / MIB) + " MiB left)");
        }
        return wanted;
    }

    static long alignDown(long bytes) {
        return Math.max(0, bytes / ALIGN * ALIGN);
    }

    /**
     * Space MAAS reserves on a partitioned disk ({@code PartitionTable.get_overhead_size}, {@code
     * models/partitiontable.py:21-45,81-92}): 4 MiB at the start, 1 MiB at the end, plus a 1 MiB bios_grub
     * partition on amd64 machines that do not boot UEFI, or an 8 MiB PReP partition on ppc64el.
     */
    static long tableOverhead(Machine m) {
        String arch = m.raw().getString("architecture", "");
        long extra = 5 * MIB;
        if (arch.startsWith("ppc64el")) {
            extra += 8 * MIB;
        } else if (arch.startsWith("amd64") && !"uefi".equals(m.raw().getString("bios_boot_method"))) {
            extra += MIB;
        }
        return extra;
    }

    /** What MAAS lets a new partition have ({@code PartitionTable.get_available_size}): rounded down to 4 MiB. */
    static long partitionSpace(long diskSize, long used, Machine m) {
        return alignDown(diskSize - used - tableOverhead(m));
    }

    private static long multiplier(String unit, boolean binary) {
        long base = binary ? 1024 : 1000;
        return switch (unit == null ? "" : unit) {
            case "k" -> base;
            case "m" -> base * base;
            case "g" -> base * base * base;
            case "t" -> base * base * base * base;
            default -> 1L;
        };
    }

    private static DriverException refused(String message) {
        return new DriverException(Kind.REFUSED, false, message);
    }
}
