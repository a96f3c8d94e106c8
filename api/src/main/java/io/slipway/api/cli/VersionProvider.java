package io.slipway.api.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the jar's implementation version. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"slipway " + (v == null ? "development build" : v)};
    }
}
