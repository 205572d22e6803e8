package dk.barometer.cli;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The main class of the light JVM that jobs/barometer starts for {@code sql} and {@code estimate} when a running
 * endpoint's port ({@code jobs/barometer serve}) is open: the Spark Connect protocol, Arrow and the YAML reader on its
 * class path, not Spark itself. It exits with {@link #RUN_LOCALLY} when the command cannot go through the endpoint
 * (the role's token is not set, the endpoint serves another warehouse, help is asked for), and jobs/barometer runs
 * the command in a Spark of its own.
 */
public final class EndpointClient {
  /** The exit status that tells jobs/barometer to run the command in local Spark instead. */
  static final int RUN_LOCALLY = 90;

  private EndpointClient() {}

  public static void main(String[] argv) {
    System.exit(run(argv, System.out, System.err));
  }

  static int run(String[] argv, PrintStream out, PrintStream err) {
    if (argv.length == 0 || Arrays.asList(argv).contains("--help")) {
      return RUN_LOCALLY;
    }
    return switch (argv[0]) {
      case "sql" -> EndpointSql.run(argv, out, err);
      case EstimateCommand.NAME -> EndpointEstimate.run(argv, out, err);
      default -> RUN_LOCALLY;
    };
  }
}
