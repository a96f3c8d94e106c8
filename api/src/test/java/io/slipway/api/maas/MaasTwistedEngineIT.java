package io.slipway.api.maas;

/**
 * {@link MaasEngineContract} against MAAS 3.1 and earlier: regiond's Twisted WSGI bridge hands Django a body only
 * with a Content-Length, so a chunked body would lose every parameter.
 */
class MaasTwistedEngineIT extends MaasEngineContract {
    @Override
    boolean twistedFront() {
        return true;
    }
}
