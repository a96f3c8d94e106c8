package io.slipway.drivers.spi;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * The installed OOB driver providers, keyed by {@link OobDriverProvider#type()}.
 *
 * <p>The engine calls {@link #load()} once at startup and {@link #provider(String)} with each
 * node's {@code oob.type}; an unknown type fails with the list of known ones so a typo in a design
 * is obvious.
 */
public final class OobDrivers {

  private final Map<String, OobDriverProvider> providers;

  private OobDrivers(Map<String, OobDriverProvider> providers) {
    this.providers = providers;
  }

  /** Loads every provider visible to this class's class loader. */
  public static OobDrivers load() {
    return load(OobDrivers.class.getClassLoader());
  }

  public static OobDrivers load(ClassLoader loader) {
    List<OobDriverProvider> found =
        ServiceLoader.load(OobDriverProvider.class, loader).stream()
            .map(ServiceLoader.Provider::get)
            .toList();
    return of(found);
  }

  /** A registry of the given providers; two providers of one type are a packaging error. */
  public static OobDrivers of(Collection<? extends OobDriverProvider> list) {
    Map<String, OobDriverProvider> byType = new TreeMap<>();
    for (OobDriverProvider p : list) {
      OobDriverProvider previous = byType.putIfAbsent(p.type(), p);
      if (previous != null) {
        throw new IllegalStateException(
            "two OOB drivers for type "
                + p.type()
                + ": "
                + previous.getClass().getName()
                + " and "
                + p.getClass().getName());
      }
    }
    return new OobDrivers(Map.copyOf(byType));
  }

  /** The known types, sorted. */
  public List<String> types() {
    return providers.keySet().stream().sorted().toList();
  }

  /**
   * The provider for {@code type}.
   *
   * @throws IllegalArgumentException "no OOB driver for type X; available: [...]"
   */
  public OobDriverProvider provider(String type) {
    OobDriverProvider p = providers.get(type);
    if (p == null) {
      throw new IllegalArgumentException(
          "no OOB driver for type " + type + "; available: " + types());
    }
    return p;
  }

  /** Shorthand for {@code provider(type).create(vertx, config)}. */
  public OobDriver create(String type, Vertx vertx, JsonObject config) {
    return provider(type).create(vertx, config == null ? new JsonObject() : config);
  }
}
