package io.slipway.engine.fetch;

/**
 * A fetch was refused by the policy or failed. The message names the URL (never its credentials) and,
 * for a refusal, the configuration key that would allow it.
 */
public class FetchException extends RuntimeException {
    public FetchException(String message) {
        super(message);
    }
}
