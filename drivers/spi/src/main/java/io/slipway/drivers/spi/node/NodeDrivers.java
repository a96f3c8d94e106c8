package io.slipway.drivers.spi.node;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The installed node-driver providers, keyed by type; an unknown type fails with the known ones. */
public final class NodeDrivers {
  private final Map<String, NodeDriverProvider> providers;

  private NodeDrivers(Map<String, NodeDriverProvider> providers) {
    this.providers = providers;
  }

  public static NodeDrivers load() {
    return of(ServiceLoader.load(NodeDriverProvider.class, NodeDrivers.class.getClassLoader()).stream()
        .map(ServiceLoader.Provider::get).toList());
  }

  /** A registry of the given providers; two of one type are a packaging error. */
  public static NodeDrivers of(Collection<? extends NodeDriverProvider> list) {
    Map<String, NodeDriverProvider> byType = new TreeMap<>();
    for (NodeDriverProvider p : list) {
      NodeDriverProvider previous = byType.putIfAbsent(p.type(), p);
      if (previous != null) {
        throw new IllegalStateException("two node drivers for type " + p.type() + ": "
            + previous.getClass().getName() + " and " + p.getClass().getName());
      }
    }
    return new NodeDrivers(Map.copyOf(byType));
  }

  public List<String> types() {
    return providers.keySet().stream().sorted().toList();
  }

  /** Creates a driver of {@code type}; fails with "no node driver for type X; available: [...]". */
  public NodeDriver create(String type, Vertx vertx, JsonObject config) {
    NodeDriverProvider p = providers.get(type);
    if (p == null) {
      throw new IllegalArgumentException("no node driver for type " + type + "; available: " + types());
    }
    return p.create(vertx, config == null ? new JsonObject() : config);
  }
}
