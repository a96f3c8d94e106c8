package io.slipway.engine;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.util.function.Function;

/**
 * The leader's engine deployed as a worker verticle: it only gives the engine its context, so that
 * everything touching the lifecycle session runs on it, one event at a time. Starting it builds the
 * engine's parts with {@code boot} (which advances the fencing epoch, so every write of a previous
 * leader is rejected from then on); undeploying it stops them.
 */
final class EngineVerticle extends VerticleBase {
    private final Function<Context, Future<EngineParts>> boot;
    private final Promise<EngineParts> parts = Promise.promise();

    EngineVerticle(Function<Context, Future<EngineParts>> boot) {
        this.boot = boot;
    }

    /** The engine's parts, once started. */
    Future<EngineParts> parts() {
        return parts.future();
    }

    @Override
    public Future<?> start() {
        Future<EngineParts> started = boot.apply(context);
        started.onComplete(parts);
        return started;
    }

    @Override
    public Future<?> stop() {
        parts.future().onSuccess(EngineParts::stop);
        return Future.succeededFuture();
    }
}
