package io.blogsearch.cli;

import io.blogsearch.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code blogsearch} command line: one subcommand per job. Errors a user can fix print one
 * line and exit non-zero (2 for configuration and usage errors and refusals such as another
 * writer holding the data folder); stack traces are not shown.
 */
@Command(name = "blogsearch", mixinStandardHelpOptions = true, version = "blogsearch 0.1.0",
    description = "Search and related-posts engine for management blogs.",
    subcommands = {DemoCommand.class, CrawlCommand.class, IndexCommand.class, ServeCommand.class,
        SearchCommand.class, RelatedCommand.class, RollbackCommand.class, EvalCommand.class, EvalRelatedCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  /** Exit code for configuration and usage errors and for refused commands. */
  public static final int EXIT_CONFIG = 2;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (tests call this directly). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof ConfigException) {
        commandLine.getErr().println("config error: " + e.getMessage());
        return EXIT_CONFIG;
      }
      if (e instanceof CommandRefused) {
        commandLine.getErr().println("error: " + e.getMessage());
        return EXIT_CONFIG;
      }
      commandLine.getErr().println("error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      return 1;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
