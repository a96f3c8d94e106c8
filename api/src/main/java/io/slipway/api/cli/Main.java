package io.slipway.api.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code slipway.jar}. */
@Command(
        name = "slipway",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Declarative bare-metal provisioning: validate site designs and drive servers to a deployed OS.")
public final class Main {
    /** Every subcommand by name, in the order usage lists them. */
    private static final Map<String, Class<?>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("validate", ValidateCommand.class);
        COMMANDS.put("design", DesignCommand.class);
        COMMANDS.put("serve", ServeCommand.class);
        COMMANDS.put("demo", DemoCommand.class);
        COMMANDS.put("task", TaskCommand.class);
        COMMANDS.put("node", NodeCommand.class);
        COMMANDS.put("plan", PlanCommand.class);
        COMMANDS.put(io.slipway.drivers.netboot.NetbootNodeDriver.TYPE, NetbootCommand.class);
        COMMANDS.put("bench", BenchCommand.class);
        COMMANDS.put("help", CommandLine.HelpCommand.class);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs with the given output streams. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        try {
            // Applies to every subcommand; only serve and demo have options a config file can set.
            cli.setDefaultValueProvider(ConfigFileDefaults.find(args, System.getenv(ConfigFileDefaults.ENV)));
        } catch (IllegalArgumentException e) {
            err.println("slipway: " + e.getMessage());
            return ExitCodes.UNUSABLE_INPUT;
        }
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("slipway: " + ex.getMessage());
            // A refused request is the caller's input problem; anything else means the input was unusable.
            return ex instanceof ApiClient.ApiError e && e.status >= 400 && e.status < 500
                    ? ExitCodes.INVALID
                    : ExitCodes.UNUSABLE_INPUT;
        });
        cli.setParameterExceptionHandler((ex, args1) -> {
            ex.getCommandLine().getErr().println("slipway: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return ExitCodes.UNUSABLE_INPUT;
        });
        return cli.execute(args);
    }

    /**
     * The command line for {@code args}. Picocli reflects over every command it is given, so when the
     * first argument names a subcommand only that one is registered (a one-shot command then pays for
     * its own model only); otherwise, for usage and help, all of them are.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new Main());
        Class<?> only = args.length > 0 && !args[0].equals("help") ? COMMANDS.get(args[0]) : null;
        if (only != null) {
            cli.addSubcommand(args[0], only);
        } else {
            COMMANDS.forEach(cli::addSubcommand);
        }
        return cli;
    }
}
