package io.slipway.api.maas;

/** {@link MaasEngineContract} against MAAS 3.2 and later (nginx buffers request bodies in front of regiond). */
class MaasEngineIT extends MaasEngineContract {
    @Override
    boolean twistedFront() {
        return false;
    }
}
