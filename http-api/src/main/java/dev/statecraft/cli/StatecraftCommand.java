package dev.statecraft.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code statecraft} command line. Each subcommand is a class of its own; this one only
 * carries {@code --help} and {@code --version}.
 *
 * <p>Exit codes: 0 success, 1 the input is invalid (or the command failed), 2 usage error.
 */
@Command(
    name = "statecraft",
    mixinStandardHelpOptions = true,
    versionProvider = StatecraftCommand.Version.class,
    description = "Validate and run Amazon States Language state machines, without AWS.",
    subcommands = {ValidateCommand.class, RunCommand.class, ServeCommand.class,
        BenchCommand.class})
public final class StatecraftCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for {@link #main} and for tests that capture its output. */
  public static CommandLine commandLine() {
    return new CommandLine(new StatecraftCommand());
  }

  /** Without a subcommand there is nothing to do: show what there is, as a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return CommandLine.ExitCode.USAGE;
  }

  /** Reads the version Maven wrote into {@code version.properties} at build time. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = StatecraftCommand.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"statecraft " + properties.getProperty("version", "unknown")};
    }
  }
}
