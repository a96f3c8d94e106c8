package io.slipway.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.api.auth.AuthException;
import io.slipway.engine.bootaction.BootActionProblem;
import io.slipway.engine.design.DesignInputException;
import io.slipway.store.StoreException;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.handler.HttpException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every failure type the API knows maps to its problem; anything else is a fault, whatever its class. */
class ProblemsTest {

    @Test
    void knownFailuresBecomeTheirProblems() {
        assertThat(type(ApiException.conflict("x"))).isEqualTo(ProblemType.CONFLICT);
        assertThat(type(new ApiException(415, "x"))).isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE);
        assertThat(type(AuthException.unauthenticated("x"))).isEqualTo(ProblemType.UNAUTHENTICATED);
        assertThat(type(AuthException.forbidden("x"))).isEqualTo(ProblemType.FORBIDDEN);
        assertThat(type(BootActionProblem.of(BootActionProblem.Kind.UNPROCESSABLE, "x")))
                .isEqualTo(ProblemType.UNPROCESSABLE);
        assertThat(type(new DesignInputException("site.yaml:3: not YAML"))).isEqualTo(ProblemType.BAD_REQUEST);
        assertThat(type(new DecodeException("x"))).isEqualTo(ProblemType.BAD_REQUEST);
        assertThat(type(new HttpException(413))).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
        assertThat(type(StoreException.notFound("x"))).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(type(StoreException.conflict("x"))).isEqualTo(ProblemType.CONFLICT);
        assertThat(type(StoreException.unavailable("down", null))).isEqualTo(ProblemType.UNAVAILABLE);
        assertThat(Problems.of(StoreException.unavailable("SELECT secret FROM x", null), -1)
                        .detail())
                .doesNotContain("SELECT");
    }

    @Test
    void anUnknownFailureIsAFaultNotBadInput() {
        assertThat(type(new IllegalArgumentException("node_filter: whatever"))).isEqualTo(ProblemType.INTERNAL);
        assertThat(type(new IllegalStateException("x"))).isEqualTo(ProblemType.INTERNAL);
        assertThat(type(new NullPointerException())).isEqualTo(ProblemType.INTERNAL);
        assertThat(Problems.of(null, 404).type()).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(Problems.of(null, -1).type()).isEqualTo(ProblemType.INTERNAL);
    }

    @Test
    void typeUrisAreDistinctAndServedUnderTheApi() {
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::uri))
                .doesNotHaveDuplicates()
                .allMatch(u -> u.matches("/api/v1\\.0/problems/[a-z-]+"));
        for (ProblemType t : ProblemType.values()) {
            assertThat(ProblemType.bySlug(t.slug())).contains(t);
        }
        assertThat(ProblemType.of(503)).isEqualTo(ProblemType.UNAVAILABLE);
        assertThat(ProblemType.of(418)).isEqualTo(ProblemType.INTERNAL);
    }

    private static ProblemType type(Throwable failure) {
        return Problems.of(failure, -1).type();
    }
}
