package io.slipway.api.auth;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/** Accepts what any of its members accepts; see {@link Authenticator#firstOf}. */
final class CompositeAuthenticator implements Authenticator {
    private final List<Authenticator> members;

    CompositeAuthenticator(List<Authenticator> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("no authenticators");
        }
        this.members = List.copyOf(members);
    }

    @Override
    public Future<Principal> authenticate(String authorizationHeader) {
        if (Bearer.token(authorizationHeader) == null) {
            // Every member would say the same; answer once.
            return members.get(0).authenticate(authorizationHeader);
        }
        return attempt(0, authorizationHeader, new ArrayList<>());
    }

    private Future<Principal> attempt(int i, String header, List<String> reasons) {
        if (i == members.size()) {
            return Future.failedFuture(AuthException.unauthenticated(String.join("; ", reasons)));
        }
        return members.get(i).authenticate(header).recover(err -> {
            if (err instanceof AuthException a && a.kind() == AuthException.Kind.UNAUTHENTICATED) {
                reasons.add(a.getMessage());
                return attempt(i + 1, header, reasons);
            }
            return Future.failedFuture(err);
        });
    }
}
