package io.slipway.engine.design;

import java.util.List;
import java.util.function.Function;

/**
 * Turns one raw document into a model object. Schema problems drop the document (DD001); a
 * document that cannot be processed gets DD000; nothing thrown here escapes to the caller.
 */
final class DocumentBinder {
    private final int nodeBudget;

    DocumentBinder(int nodeBudget) {
        this.nodeBudget = nodeBudget;
    }

    void bind(RawDocument raw, String file, SiteDesignBuilder out) {
        Function<Fields, Object> binder = binderFor(raw.kind());
        if (binder == null || !"v1".equals(raw.version())) {
            out.block(
                    dd000(
                            raw.ref(),
                            raw.ref().source(),
                            "Invalid document - Kind " + raw.kind() + " and Version " + raw.version()
                                    + " (known kinds: Region, Rack, NetworkLink, Network, HardwareProfile, HostProfile, BaremetalNode, BootAction; version v1)"));
            return;
        }
        BindContext ctx = new BindContext(raw.kind(), raw.ref(), file, raw.firstLine(), nodeBudget);
        try {
            Fields data = Fields.of(ctx, "data", raw.data());
            Object model = data == null ? null : binder.apply(data);
            out.findings.addAll(ctx.notes());
            if (!ctx.schemaErrors().isEmpty() || model == null) {
                ctx.schemaErrors().forEach(out::block);
                return;
            }
            out.add(model);
        } catch (DocumentProcessingException e) {
            out.block(dd000(raw.ref(), ctx.where(e.node()), e.getMessage()));
        } catch (DesignInputException e) {
            throw e;
        } catch (RuntimeException e) {
            out.block(dd000(raw.ref(), raw.ref().source(), "Unexpected error processing document: " + e));
        }
    }

    private static Function<Fields, Object> binderFor(String kind) {
        return switch (kind) {
            case "Region" -> SiteBinder::region;
            case "Rack" -> SiteBinder::rack;
            case "NetworkLink" -> NetworkBinder::link;
            case "Network" -> NetworkBinder::network;
            case "HardwareProfile" -> SiteBinder::hardware;
            case "HostProfile" -> HostBinder::profile;
            case "BaremetalNode" -> HostBinder::node;
            case "BootAction" -> BootActionBinder::bind;
            default -> null;
        };
    }

    static Finding dd000(DocRef ref, String source, String text) {
        return new Finding(
                Level.ERROR,
                "DD000",
                "DOC-001",
                "Error processing document: " + text,
                "Exception during document processing - correct the document named in the message.",
                List.of(ref),
                source);
    }
}
