package io.tributary.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code tributary}: the command-line entry point. Subcommands are listed in {@code subcommands} below; to add
 * one, write a picocli {@code @Command} class and add it there.
 */
@Command(name = "tributary", mixinStandardHelpOptions = true, versionProvider = TributaryCommand.Version.class,
    description = "A document database that speaks the MongoDB wire protocol, built around change streams.",
    subcommands = {ServeCommand.class, WatchCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class TributaryCommand implements Runnable {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for {@link #main} and tests. */
  static CommandLine commandLine() {
    return new CommandLine(new TributaryCommand());
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code tributary <version>}, the version read from a resource the build writes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"tributary " + version()};
    }

    static String version() {
      try (InputStream in = TributaryCommand.class.getResourceAsStream("/tributary-version.properties")) {
        Properties properties = new Properties();
        if (in != null) {
          properties.load(in);
        }
        return properties.getProperty("version", "unknown");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
