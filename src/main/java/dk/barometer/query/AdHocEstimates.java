package dk.barometer.query;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.Role;
import dk.barometer.pipeline.AdHocEstimation;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * An {@code estimate} request answered, the same way in the command's own JVM and at the endpoint: the request read
 * and its conditions checked as {@code conf/}'s are, then analysed by the guard of the asking role in
 * {@code guarded} (a session of that role), then estimated on the warehouse's microdata ({@link AdHocEstimation}, in
 * the warehouse's own session, unguarded) as that role may see it. Only the aggregate rows leave; a refusal is a
 * {@link dk.barometer.BarometerException} of the kind a local run exits with.
 */
public final class AdHocEstimates {
  private final BarometerConfig config;
  private final Warehouse warehouse;

  /** Estimates on {@code warehouse}, whose session reads the microdata. */
  public AdHocEstimates(BarometerConfig config, Warehouse warehouse) {
    this.config = config;
    this.warehouse = warehouse;
  }

  /** The rows of {@code message} as {@code role} may see them; {@code guarded} is a session of that role. */
  public Dataset<Row> rows(EstimateMessage message, SparkSession guarded, Role role) {
    int wave = message.wave();
    config.settings().wave(wave);
    EstimateRequest request = EstimateRequest.of(message, config);
    if (!warehouse.exists(Table.responses(request.survey())) || !warehouse.exists(Table.WEIGHTS)) {
      throw QueryErrors.waveNotStored(wave, request.survey(), warehouse.root());
    }
    AdHocEstimation estimation = new AdHocEstimation(config, warehouse, wave, request.survey());
    if (!estimation.stored()) {
      throw QueryErrors.waveNotStored(wave, request.survey(), warehouse.root());
    }
    request.vet(guarded, estimation.conditionColumns());
    AdHocEstimation.Outcome outcome = estimation.estimate(request.catalog(), role);
    outcome.refused().ifPresent(narrow -> {
      throw QueryErrors.narrowRestriction(role.id(), narrow.restriction(), narrow.domain(), narrow.domainValue(),
          narrow.minimum());
    });
    return outcome.rows();
  }
}
