package io.slipway.drivers.spi.kubernetes;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** Creates {@link KubernetesDriver}s; registered in {@code META-INF/services/io.slipway.drivers.spi.kubernetes.KubernetesDriverProvider}. */
public interface KubernetesDriverProvider {
  String type();

  /** Creates a driver without blocking or I/O ({@code config} = {@code drivers.kubernetes.<type>}). */
  KubernetesDriver create(Vertx vertx, JsonObject config);
}
