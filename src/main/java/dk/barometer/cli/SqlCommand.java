package dk.barometer.cli;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.Role;
import dk.barometer.runtime.ExpressionEvaluation;
import dk.barometer.runtime.SparkSessions;
import java.io.PrintStream;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.spark.sql.SparkSession;

/**
 * {@code sql}: a query, a script (-f, or statements piped in) or an interactive prompt over the warehouse, in a
 * local Spark session. When an endpoint serves the warehouse, jobs/barometer sends the statements there instead
 * ({@link EndpointSql}) and this runs only when none does.
 */
final class SqlCommand implements Command {
  @Override
  public String help() {
    return CommandHelp.SQL;
  }

  @Override
  public Set<String> options() {
    return SqlStatements.OPTIONS;
  }

  @Override
  public void run(Args args, PrintStream out) {
    SqlStatements statements = SqlStatements.of(args);
    Role role = QueryableWarehouse.role(args, "sql");
    // conf/ is read and checked while Spark starts: each takes most of a core for a good part of a cold call.
    CompletableFuture<BarometerConfig> loading = CompletableFuture.supplyAsync(() -> BarometerConfig.load(
        Home.conf(args)));
    SparkSession base = SparkSessions.builder("barometer sql", Home.sparkSettings(args)).getOrCreate();
    BarometerConfig config = loaded(loading);
    Optional<Set<String>> named = statements.known().flatMap(known -> NamedRelations.of(base, known));
    SparkSession session = QueryableWarehouse.session(base, args, role);
    if (named.isEmpty()) {
      QueryableWarehouse.open(base, args, config);
      statements.run(new LocalSql(session, () -> false), out);
      return;
    }
    QueryableWarehouse.Named opened = QueryableWarehouse.openNamed(base, args, config, named.get());
    try (ExpressionEvaluation evaluation = opened.evaluation(session)) {
      // A relation named at run time (EXECUTE IMMEDIATE) is of a size not weighed: compiled, as Spark's default.
      statements.run(new LocalSql(session, () -> {
        boolean registered = opened.registerRest();
        if (registered) {
          evaluation.close();
        }
        return registered;
      }), out);
    }
  }

  /** The configuration, or the error that loading it raised, as it would be raised without the other thread. */
  private static BarometerConfig loaded(CompletableFuture<BarometerConfig> loading) {
    try {
      return loading.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }
}
