package dk.barometer.cli;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.Role;
import dk.barometer.pipeline.AdHocEstimation;
import dk.barometer.query.DatasetResult;
import dk.barometer.query.QueryPrinter;
import dk.barometer.runtime.SparkSessions;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.io.PrintStream;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * {@code estimate}: an indicator the catalogue does not hold, estimated by the engine of a run on the wave as the
 * warehouse stores it ({@link AdHocEstimation}), printed as aggregate rows only. The estimate reads microdata in
 * this command's own session, which has no access guard; what the user wrote reaches it only after its checks: the
 * catalogue's check of the conditions' columns, then the guard of the user's role on the conditions over no rows.
 * An analyst gets what the disclosure control lets through.
 */
final class EstimateCommand implements Command {
  @Override
  public String help() {
    return CommandHelp.ESTIMATE;
  }

  @Override
  public Set<String> options() {
    return Set.of("wave", "survey", "share", "base", "by", "where", "definition", "format", "role", "conf",
        "warehouse");
  }

  @Override
  public void run(Args args, PrintStream out) {
    Role role = QueryableWarehouse.role(args, EstimateRequest.COMMAND);
    QueryPrinter.Format format = QueryPrinter.format(args.option("format").orElse("table"));
    int wave = args.requiredWave();
    BarometerConfig config = BarometerConfig.load(Home.conf(args));
    config.settings().wave(wave);
    EstimateRequest request = EstimateRequest.of(args, config, wave);
    SparkSession spark = SparkSessions.builder("barometer estimate", Home.sparkSettings(args)).getOrCreate();
    Warehouse warehouse = new Warehouse(spark, Home.warehouse(args));
    if (!warehouse.exists(Table.responses(request.survey())) || !warehouse.exists(Table.WEIGHTS)) {
      throw CommandErrors.waveNotStored(wave, request.survey(), warehouse.root());
    }
    AdHocEstimation estimation = new AdHocEstimation(config, warehouse, wave, request.survey());
    if (!estimation.stored()) {
      throw CommandErrors.waveNotStored(wave, request.survey(), warehouse.root());
    }
    request.vet(QueryableWarehouse.session(spark, args, role), estimation.conditionColumns());
    AdHocEstimation.Outcome outcome = estimation.estimate(request.catalog(), role);
    outcome.refused().ifPresent(narrow -> {
      throw CommandErrors.narrowRestriction(role.id(), narrow.restriction(), narrow.domain(), narrow.domainValue(),
          narrow.minimum());
    });
    new QueryPrinter(out).print(new DatasetResult(outcome.rows()), format, QueryPrinter.defaultLimit(format));
  }
}
