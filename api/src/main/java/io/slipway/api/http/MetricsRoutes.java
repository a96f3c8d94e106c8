package io.slipway.api.http;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /metrics} in the Prometheus text format, guarded by {@code
 * physical_provisioner:health_data}. Meters (Prometheus names):
 *
 * <ul>
 *   <li>{@code http_server_requests_seconds{method,route,status}}: a timer over every request; {@code
 *       route} is the OpenAPI path template ({@code none} for requests matching no operation, so unknown
 *       paths cannot multiply the series);
 *   <li>{@code slipway_nodes{state}} and {@code slipway_tasks{action,status,result}}: gauges read from
 *       the store on scrape and cached (see {@link StoreGauges});
 *   <li>JVM memory and GC, and processor/process CPU (Micrometer's binders).
 * </ul>
 *
 * <p>One registry per router. Thread-safe.
 */
final class MetricsRoutes {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private final ApiContext api;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final StoreGauges gauges;

    MetricsRoutes(ApiContext api) {
        this.api = api;
        new JvmMemoryMetrics().bindTo(registry);
        // Its GC listeners live as long as the JVM; one binder per API router is a bounded cost.
        new JvmGcMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        this.gauges = new StoreGauges(api.store(), registry);
    }

    /** The request timer; install first, so every answer (401s, 404s, 413s) is counted. */
    Handler<RoutingContext> timer() {
        return ctx -> {
            long start = System.nanoTime();
            ctx.addEndHandler(v -> Timer.builder("http.server.requests")
                    .description("HTTP requests by route template, method and status")
                    .tags(
                            "method",
                            ctx.request().method().name(),
                            "route",
                            route(ctx),
                            "status",
                            Integer.toString(ctx.response().getStatusCode()))
                    .register(registry)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
            ctx.next();
        };
    }

    void mount(ApiRouter own) {
        own.get("/metrics", "physical_provisioner:health_data").respond(this::scrape);
    }

    private Future<String> scrape(RoutingContext ctx) {
        return gauges.refresh().transform(ar -> {
            ctx.response().putHeader("Content-Type", CONTENT_TYPE);
            return Future.succeededFuture(registry.scrape());
        });
    }

    private static String route(RoutingContext ctx) {
        String template = ctx.get(OpenApiValidation.ROUTE);
        return template == null ? "none" : template;
    }
}
