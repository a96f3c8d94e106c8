package io.slipway.engine.bootaction;

import io.slipway.engine.fetch.FetchPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings for serving boot actions.
 *
 * @param reportUrl base URL nodes post their status to ({@code action.report_url} in templates);
 *     the action id is appended to it
 * @param fetchTimeout bound on fetching one {@code location} asset (connect plus whole body)
 * @param maxAssetBytes bound on the size of one fetched or rendered asset
 * @param fileRoots directories {@code file://} locations may read from; empty refuses every {@code
 *     file://} location, so a design cannot read arbitrary files of the server
 * @param fetchPolicy which {@code http(s)} locations may be fetched (none by default)
 */
public record BootActionConfig(
        String reportUrl, Duration fetchTimeout, long maxAssetBytes, List<Path> fileRoots, FetchPolicy fetchPolicy) {

    public static final String DEFAULT_REPORT_URL = "http://localhost:9000/api/v1.0/bootactions/";

    public BootActionConfig {
        Objects.requireNonNull(reportUrl, "reportUrl");
        Objects.requireNonNull(fetchTimeout, "fetchTimeout");
        Objects.requireNonNull(fetchPolicy, "fetchPolicy");
        if (maxAssetBytes <= 0 || fetchTimeout.isNegative() || fetchTimeout.isZero()) {
            throw new IllegalArgumentException("fetchTimeout and maxAssetBytes must be positive");
        }
        reportUrl = reportUrl.endsWith("/") ? reportUrl : reportUrl + "/";
        fileRoots = List.copyOf(fileRoots);
    }

    public BootActionConfig(String reportUrl, Duration fetchTimeout, long maxAssetBytes, List<Path> fileRoots) {
        this(reportUrl, fetchTimeout, maxAssetBytes, fileRoots, FetchPolicy.none());
    }

    /** The report URL above, 10 s per fetch, 16 MiB per asset, no {@code file://} roots, no {@code http(s)} source. */
    public static BootActionConfig defaults() {
        return new BootActionConfig(DEFAULT_REPORT_URL, Duration.ofSeconds(10), 16L << 20, List.of());
    }

    public BootActionConfig withReportUrl(String url) {
        return new BootActionConfig(url, fetchTimeout, maxAssetBytes, fileRoots, fetchPolicy);
    }

    public BootActionConfig withFileRoots(List<Path> roots) {
        return new BootActionConfig(reportUrl, fetchTimeout, maxAssetBytes, roots, fetchPolicy);
    }

    public BootActionConfig withLimits(Duration timeout, long maxBytes) {
        return new BootActionConfig(reportUrl, timeout, maxBytes, fileRoots, fetchPolicy);
    }

    public BootActionConfig withFetchPolicy(FetchPolicy policy) {
        return new BootActionConfig(reportUrl, fetchTimeout, maxAssetBytes, fileRoots, policy);
    }
}
