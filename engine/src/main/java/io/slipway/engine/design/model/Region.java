package io.slipway.engine.design.model;

import io.slipway.engine.design.DocRef;
import java.util.List;
import java.util.Map;

/** {@code drydock/Region/v1}: site-wide settings. */
public record Region(
        DocRef doc,
        String name,
        List<TagDefinition> tagDefinitions,
        List<String> authorizedKeys,
        boolean removeUnlistedRepositories,
        List<Repository> repositories) {

    public record TagDefinition(String tag, String definitionType, String definition) {}

    /** An OS package repository; {@code url} and {@code repoType} are required. */
    public record Repository(
            String name,
            String url,
            String repoType,
            String gpgkey,
            List<String> distributions,
            List<String> subrepos,
            List<String> components,
            List<String> arches,
            Map<String, String> options) {}
}
