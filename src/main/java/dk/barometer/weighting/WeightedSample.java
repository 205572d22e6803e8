package dk.barometer.weighting;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The valid responses of one survey and wave with their design weight, raking factor and final weight
 * ({@link SurveyWeighting#WEIGHT}) and weighting cell ({@link SurveyWeighting#CELL}), the diagnostics of the
 * weighting and its cells for variance estimation; every estimator is a function of it.
 */
public record WeightedSample(String survey, int wave, Dataset<Row> rows, WeightDiagnostics diagnostics,
                             CalibrationCells calibration) {}
