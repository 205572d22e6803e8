package dk.barometer.cli;

import dk.barometer.BarometerException;
import dk.barometer.query.EstimateMessage;
import dk.barometer.query.QueryPrinter;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * {@code estimate} through a running endpoint, in the light JVM of {@link EndpointClient}: the request as the command
 * line gives it ({@link EstimateOptions}) goes to the endpoint, which checks and estimates it with the role of the
 * token ({@code query.EstimateRelations}), and its rows print as a local run's do; a refusal exits as a local one. The
 * role's token and the fallback to a local run are those of {@code sql} ({@link EndpointSql#connect}).
 */
final class EndpointEstimate {
  private EndpointEstimate() {}

  static int run(String[] argv, PrintStream out, PrintStream err) {
    try {
      Args args = Args.parse(EstimateCommand.NAME, Arrays.copyOfRange(argv, 1, argv.length), EstimateCommand.OPTIONS,
          Set.of());
      QueryPrinter.Format format = QueryPrinter.format(args.option("format").orElse("table"));
      EstimateMessage request = EstimateOptions.message(args);
      Optional<EndpointSession> session = EndpointSql.connect(args, true, err);
      if (session.isEmpty()) {
        return EndpointClient.RUN_LOCALLY;
      }
      try (EndpointSession endpoint = session.get()) {
        new QueryPrinter(out).print(endpoint.estimate(request), format, QueryPrinter.defaultLimit(format));
      } catch (RuntimeException e) {
        throw session.get().failure(e);
      }
      return 0;
    } catch (BarometerException e) {
      err.println("error: " + e.getMessage());
      return e.exitCode();
    }
  }
}
