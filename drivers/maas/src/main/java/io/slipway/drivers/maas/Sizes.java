package io.slipway.drivers.maas;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;

/**
 * Sizes in the design's notation: {@code 30g} (k, m, g, t; binary multiples, an optional trailing
 * {@code b}), {@code 25%} of the whole device or volume group, and {@code >30g}: all the space left,
 * which must be at least 30g.
 */
final class Sizes {
  /** Left free on every disk for the partition table and alignment. */
  static final long TABLE_RESERVE = 4L << 20;
  private static final Pattern SIZE = Pattern.compile("(>)?\\s*(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)b?|(\\d+(?:\\.\\d+)?)%");

  private Sizes() {}

  /**
   * The size in bytes, floored to whole MiB, for a request of {@code spec} on a device of {@code
   * total} bytes with {@code free} bytes still unallocated; fails {@code REFUSED} when it does not fit.
   */
  static long bytes(String spec, long total, long free, String what) {
    Matcher m = SIZE.matcher(spec.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw refused(what + ": size " + spec + " is not understood");
    }
    long wanted;
    if (m.group(4) != null) {
      wanted = (long) (total * Double.parseDouble(m.group(4)) / 100);
    } else {
      long amount = (long) (Double.parseDouble(m.group(2)) * multiplier(m.group(3)));
      if (m.group(1) != null && free < amount) {
        throw refused(what + ": needs at least " + spec.substring(1) + ", only " + (free >> 20) + " MiB left");
      }
      wanted = m.group(1) != null ? free : amount;
    }
    wanted = (wanted >> 20) << 20;
    if (wanted > free || wanted <= 0) {
      throw refused(what + ": " + spec + " does not fit (" + (free >> 20) + " MiB left)");
    }
    return wanted;
  }

  private static long multiplier(String unit) {
    return switch (unit) {
      case "k" -> 1L << 10;
      case "m" -> 1L << 20;
      case "g" -> 1L << 30;
      case "t" -> 1L << 40;
      default -> 1L;
    };
  }

  private static DriverException refused(String message) {
    return new DriverException(Kind.REFUSED, false, message);
  }
}
