package io.slipway.drivers.kubernetes;

import io.slipway.drivers.spi.kubernetes.KubernetesDriver;
import io.slipway.drivers.spi.kubernetes.KubernetesDriverProvider;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * Provides the {@code kubernetes} driver. Keys: {@code apiServer} (default {@code
 * https://kubernetes.default.svc}), {@code token} or {@code tokenFile} (default the pod's
 * service-account token), {@code caPem}, {@code trustAll} (false), {@code requestTimeoutMs}
 * (10000). See {@link K8sConfig}.
 */
public final class K8sNodeLabelDriverProvider implements KubernetesDriverProvider {

  @Override
  public String type() {
    return K8sNodeLabelDriver.TYPE;
  }

  @Override
  public KubernetesDriver create(Vertx vertx, JsonObject config) {
    K8sConfig c = K8sConfig.fromJson(config == null ? new JsonObject() : config);
    WebClientOptions options =
        new WebClientOptions()
            .setTrustAll(c.trustAll())
            .setVerifyHost(!c.trustAll())
            .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, c.requestTimeoutMs()))
            .setUserAgent("slipway");
    if (!c.trustAll() && c.caPem() != null) {
      options.setTrustOptions(new PemTrustOptions().addCertPath(c.caPem()));
    }
    return new K8sNodeLabelDriver(vertx, WebClient.create(vertx, options), c);
  }
}
