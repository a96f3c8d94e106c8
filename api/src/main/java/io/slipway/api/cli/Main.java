package io.slipway.api.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code slipway.jar}. */
@Command(
    name = "slipway",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Declarative bare-metal provisioning: validate site designs and drive servers to a deployed OS.",
    subcommands = {ValidateCommand.class, DesignCommand.class, ServeCommand.class, DemoCommand.class, TaskCommand.class, NodeCommand.class, PlanCommand.class, NetbootCommand.class,
        BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
  public static int run(String... args) {
    return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
  }

  /** Runs with the given output streams. */
  public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
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
      return ex instanceof ApiClient.ApiError e && e.status >= 400 && e.status < 500 ? ExitCodes.INVALID : ExitCodes.UNUSABLE_INPUT;
    });
    cli.setParameterExceptionHandler((ex, args1) -> {
      ex.getCommandLine().getErr().println("slipway: " + ex.getMessage());
      ex.getCommandLine().usage(ex.getCommandLine().getErr());
      return ExitCodes.UNUSABLE_INPUT;
    });
    return cli.execute(args);
  }
}
