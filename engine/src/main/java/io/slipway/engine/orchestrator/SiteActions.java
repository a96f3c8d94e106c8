package io.slipway.engine.orchestrator;

import io.slipway.drivers.spi.node.NodeDriver;
import io.slipway.engine.design.Finding;
import io.slipway.engine.site.SiteModel;
import io.slipway.store.ResultMessage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Site-wide actions: validate_design, verify_site, prepare_site. Each yields a result and messages. */
final class SiteActions {
    /** The outcome of a site action. */
    record Outcome(String result, List<ResultMessage> messages) {}

    private final NodeDriver node;

    SiteActions(NodeDriver node) {
        this.node = node;
    }

    Future<Outcome> run(String action, SiteModel site) {
        return switch (action) {
            case Actions.VALIDATE_DESIGN -> Future.succeededFuture(validate(site));
            case Actions.VERIFY_SITE -> node.verifySite().map(r -> images(site, r));
            case Actions.PREPARE_SITE ->
                node.prepareSite(site.siteSpec())
                        .map(v -> new Outcome(
                                Voting.SUCCESS,
                                List.of(ResultMessage.info("site " + site.site() + " prepared: "
                                        + site.siteSpec().networks().size() + " networks, "
                                        + site.siteSpec().sshKeys().size() + " SSH keys; design revision "
                                        + site.revision() + " locked"))));
            default -> Future.failedFuture(new IllegalArgumentException("not a site action: " + action));
        };
    }

    /** Success when the bootstrapper offers every image the design's nodes name; each missing image is an error. */
    static Outcome images(SiteModel site, io.slipway.drivers.spi.node.SiteReport r) {
        List<ResultMessage> out = new ArrayList<>();
        out.add(ResultMessage.info("bootstrapper reachable (" + r.detail() + "); images: "
                + r.catalog().keySet()));
        java.util.Map<String, List<String>> wanted = new java.util.TreeMap<>();
        site.nodeSpecs().values().forEach(n -> {
            if (n.platform() != null && n.platform().image() != null) {
                wanted.computeIfAbsent(n.platform().image(), k -> new ArrayList<>())
                        .add(n.name());
            }
        });
        wanted.forEach((image, nodes) -> {
            if (!r.catalog().containsKey(image)) {
                out.add(
                        ResultMessage.of(
                                ResultMessage.ERROR,
                                "image " + image + " of " + nodes.size() + " node(s) (e.g. " + nodes.get(0)
                                        + ") is not offered by the bootstrapper, or its file does not match its registered hash"));
            }
        });
        return new Outcome(out.size() == 1 ? Voting.SUCCESS : Voting.FAILURE, out);
    }

    /** Every finding becomes a message; errors fail the task. */
    static Outcome validate(SiteModel site) {
        List<ResultMessage> out = new ArrayList<>();
        for (Finding f : site.report().findings()) {
            String level = switch (f.level()) {
                case ERROR -> ResultMessage.ERROR;
                case WARNING -> ResultMessage.WARNING;
                default -> ResultMessage.INFO;
            };
            String doc = f.documents().isEmpty() ? null : f.documents().get(0).name();
            out.add(ResultMessage.of(level, f.message())
                    .about("document", doc)
                    .withExtra(new JsonObject()
                            .put("name", f.code())
                            .put("ruleId", f.ruleId())
                            .put("diagnostic", f.diagnostic())
                            .put("source", f.source())));
        }
        return new Outcome(site.report().passed() ? Voting.SUCCESS : Voting.FAILURE, out);
    }
}
