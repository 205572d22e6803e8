package dk.barometer.cli;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.Role;
import dk.barometer.query.AdHocEstimates;
import dk.barometer.query.DatasetResult;
import dk.barometer.query.EstimateMessage;
import dk.barometer.query.QueryPrinter;
import dk.barometer.runtime.SparkSessions;
import dk.barometer.warehouse.Warehouse;
import java.io.PrintStream;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * {@code estimate}: an indicator the catalogue does not hold, estimated by the engine of a run on the wave as the
 * warehouse stores it ({@link AdHocEstimates}), printed as aggregate rows only. Here it reads the microdata in this
 * command's own session, which has no access guard, and checks the conditions with a guarded session of the user's
 * role; through a running endpoint ({@link EndpointEstimate}) the endpoint does the same with the role of its token.
 * An analyst gets what the disclosure control lets through.
 */
final class EstimateCommand implements Command {
  static final String NAME = "estimate";
  static final Set<String> OPTIONS = Set.of("wave", "survey", "share", "base", "by", "where", "definition", "format",
      "role", "conf", "warehouse");

  @Override
  public String help() {
    return CommandHelp.ESTIMATE;
  }

  @Override
  public Set<String> options() {
    return OPTIONS;
  }

  @Override
  public void run(Args args, PrintStream out) {
    Role role = QueryableWarehouse.role(args, NAME);
    QueryPrinter.Format format = QueryPrinter.format(args.option("format").orElse("table"));
    EstimateMessage message = EstimateOptions.message(args);
    BarometerConfig config = BarometerConfig.load(Home.conf(args));
    SparkSession spark = SparkSessions.builder("barometer estimate", Home.sparkSettings(args)).getOrCreate();
    Warehouse warehouse = new Warehouse(spark, Home.warehouse(args));
    new QueryPrinter(out).print(new DatasetResult(new AdHocEstimates(config, warehouse)
        .rows(message, QueryableWarehouse.session(spark, args, role), role)), format,
        QueryPrinter.defaultLimit(format));
  }
}
