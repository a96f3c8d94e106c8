package io.slipway.engine.dispatch;

/** Why a running step ended early: an operator aborted it (the message is the operator's reason). */
final class StepAborted extends RuntimeException {
    StepAborted(String reason) {
        super(reason, null, false, false);
    }
}
