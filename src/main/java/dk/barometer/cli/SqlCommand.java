package dk.barometer.cli;

import dk.barometer.config.Role;
import dk.barometer.runtime.SparkSessions;
import java.io.PrintStream;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
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
    SparkSession base = SparkSessions.builder("barometer sql", Home.sparkSettings(args)).getOrCreate();
    Optional<Set<String>> named = statements.known().flatMap(known -> NamedRelations.of(base, known));
    BooleanSupplier registerRest;
    if (named.isPresent()) {
      registerRest = QueryableWarehouse.openNamed(base, args, named.get());
    } else {
      QueryableWarehouse.open(base, args);
      registerRest = () -> false;
    }
    statements.run(new LocalSql(QueryableWarehouse.session(base, args, role), registerRest), out);
  }
}
