package io.slipway.drivers.kubernetes;

import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverSettings;
import io.slipway.drivers.spi.kubernetes.KubernetesDriver;
import io.slipway.drivers.spi.kubernetes.KubernetesDriverProvider;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.List;

/**
 * Provides the {@code kubernetes} driver ({@code drivers.kubernetes}). Keys: {@code apiServer},
 * {@code tokenFile} (or an inline {@code token}), {@code caPem}, {@code trustAll} (false), {@code
 * requestTimeoutMs} (10000). Without {@code apiServer} the three are the in-cluster defaults
 * ({@code https://kubernetes.default.svc} and the pod's service-account token and CA); with it,
 * {@code tokenFile} or {@code token} is required. See {@link K8sConfig}.
 */
public final class K8sNodeLabelDriverProvider implements KubernetesDriverProvider {

    @Override
    public String type() {
        return K8sNodeLabelDriver.TYPE;
    }

    /** The node-label driver is the Kubernetes driver when {@code drivers.kubernetes} names no type. */
    @Override
    public boolean standard() {
        return true;
    }

    @Override
    public List<String> check(JsonObject settings) {
        DriverSettings s = DriverSettings.of(this, settings)
                .url("apiServer")
                .text("token")
                .text("tokenFile")
                .text("caPem")
                .bool("trustAll")
                .positive("requestTimeoutMs");
        if (settings.getValue("apiServer") instanceof String api
                && !api.startsWith("https://")
                && !Boolean.TRUE.equals(settings.getValue("trustAll"))) {
            s.problem("apiServer", "must be an https:// URL (the bearer token is sent to it)");
        }
        if (settings.getValue("apiServer") != null
                && settings.getValue("token") == null
                && settings.getValue("tokenFile") == null) {
            s.problem(
                    "tokenFile", "required when apiServer is set (the in-cluster token goes with the in-cluster API)");
        }
        return s.problems();
    }

    @Override
    public KubernetesDriver create(DriverContext ctx, JsonObject settings) {
        K8sConfig c = K8sConfig.fromJson(settings);
        WebClientOptions options = new WebClientOptions()
                .setTrustAll(c.trustAll())
                .setVerifyHost(!c.trustAll())
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, c.requestTimeoutMs()))
                .setUserAgent("slipway");
        if (!c.trustAll() && c.caPem() != null) {
            options.setTrustOptions(new PemTrustOptions().addCertPath(c.caPem()));
        }
        return new K8sNodeLabelDriver(ctx.vertx(), WebClient.create(ctx.vertx(), options), c);
    }
}
