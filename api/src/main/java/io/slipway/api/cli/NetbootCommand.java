package io.slipway.api.cli;

import io.slipway.drivers.netboot.DnsmasqConfig;
import io.slipway.drivers.netboot.ImageRegistry;
import io.slipway.engine.design.DesignInputException;
import io.slipway.engine.design.DesignLoader;
import io.slipway.engine.effective.EffectiveCompiler;
import io.slipway.engine.site.SiteSpecs;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slipway netboot}: OS image registration and the dnsmasq ProxyDHCP configuration, offline. */
@Command(
        name = io.slipway.drivers.netboot.NetbootNodeDriver.TYPE,
        mixinStandardHelpOptions = true,
        description = "Images and DHCP configuration for the netboot node driver (docs/netboot.md).",
        subcommands = {NetbootCommand.Image.class, NetbootCommand.Dnsmasq.class})
final class NetbootCommand {

    @Command(
            name = "image",
            mixinStandardHelpOptions = true,
            description = "Register and list OS images.",
            subcommands = {NetbootCommand.ImageAdd.class, NetbootCommand.ImageList.class})
    static final class Image {}

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description =
                    "Register an OS image: copy it into the images directory, compute its sha256, record name and format.")
    static final class ImageAdd implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(
                names = "--images-dir",
                defaultValue = "${env:SLIPWAY_NETBOOT_IMAGES_DIR}",
                required = true,
                paramLabel = "DIR",
                description = "The netboot driver's imagesDir (or SLIPWAY_NETBOOT_IMAGES_DIR).")
        Path dir;

        @Option(names = "--format", defaultValue = "raw", description = "raw or gzip (default ${DEFAULT-VALUE}).")
        String format;

        @Parameters(index = "0", paramLabel = "NAME", description = "Image name, as the design's platform.image.")
        String name;

        @Parameters(index = "1", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (!Files.isRegularFile(file)) {
                spec.commandLine().getErr().println("slipway: " + file + " is not a file");
                return ExitCodes.UNUSABLE_INPUT;
            }
            ImageRegistry.Image i = new ImageRegistry(dir).add(name, file, format);
            out.println("registered " + i.name() + ": " + dir.resolve(i.file()) + " " + i.format() + " " + i.size()
                    + " bytes sha256 " + i.sha256());
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List registered images and check their hashes.")
    static final class ImageList implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(
                names = "--images-dir",
                defaultValue = "${env:SLIPWAY_NETBOOT_IMAGES_DIR}",
                required = true,
                paramLabel = "DIR",
                description = "The netboot driver's imagesDir (or SLIPWAY_NETBOOT_IMAGES_DIR).")
        Path dir;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ImageRegistry registry = new ImageRegistry(dir);
            int bad = 0;
            for (ImageRegistry.Image i : registry.list()) {
                String problem = registry.problem(i);
                bad += problem == null ? 0 : 1;
                out.println(i.name() + "\t" + i.format() + "\t" + i.size() + "\t" + i.sha256() + "\t"
                        + (problem == null ? "ok" : problem));
            }
            return bad == 0 ? ExitCodes.OK : ExitCodes.INVALID;
        }
    }

    @Command(
            name = "dnsmasq-config",
            mixinStandardHelpOptions = true,
            description =
                    "Print the dnsmasq ProxyDHCP configuration for the design's PXE networks (Slipway serves no DHCP itself).")
    static final class Dnsmasq implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(
                names = "--base-url",
                required = true,
                paramLabel = "URL",
                description = "The URL nodes reach the boot listener at.")
        String baseUrl;

        @Option(
                names = "--tftp-root",
                defaultValue = "/srv/tftp",
                description = "Holds undionly.kpxe and ipxe.efi (default ${DEFAULT-VALUE}).")
        String tftpRoot;

        @Option(
                names = "--pxe-network",
                paramLabel = "NAME",
                description = "A PXE network (repeatable); default: every network with a dhcp range.")
        List<String> networks = List.of();

        @Parameters(arity = "1..*", paramLabel = "DESIGN")
        List<String> references;

        @Override
        public Integer call() throws java.io.IOException {
            try {
                var design = new EffectiveCompiler().compile(new DesignLoader().load(references));
                spec.commandLine()
                        .getOut()
                        .print(DnsmasqConfig.render(SiteSpecs.of(design), baseUrl, tftpRoot, networks));
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            } catch (DesignInputException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("slipway: " + e.getMessage());
                return ExitCodes.UNUSABLE_INPUT;
            }
        }
    }
}
