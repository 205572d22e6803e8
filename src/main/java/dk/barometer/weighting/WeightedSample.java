package dk.barometer.weighting;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The valid responses of one survey and wave with their design weight, raking factor and final weight
 * ({@link SurveyWeighting#WEIGHT}), and the diagnostics of the weighting; every estimator is a function of it.
 */
public record WeightedSample(String survey, int wave, Dataset<Row> rows, WeightDiagnostics diagnostics) {}
