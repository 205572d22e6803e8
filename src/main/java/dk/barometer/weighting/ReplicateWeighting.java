package dk.barometer.weighting;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.zip_with;

import dk.barometer.config.Classifications;
import dk.barometer.config.RakingSettings;
import dk.barometer.config.ReplicateWeightsSettings;
import dk.barometer.config.SurveySettings;
import dk.barometer.ingest.RegisterMargins;
import dk.barometer.ingest.ResponseContract;
import dk.barometer.runtime.ElementwiseSum;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bootstrap replicate weights: each replicate's starting weights are the design weights times the respondents'
 * {@link BootstrapMultipliers}, and go through the same {@link WeightingRecipe} as the full sample (collapses,
 * raking to the register margins, trimming: {@link WeightingRecipe.Replicates}), so that a statistic's variance
 * over the replicates includes the calibration.
 * Raking multiplies every weight of a category by one factor, and trimming caps a weight over its multiplier, so the
 * respondents of a weighting cell, alike in every margin, keep the ratios of their starting weights: a replicate's
 * calibration needs only each cell's starting total, its design weight times the sum of its respondents'
 * multipliers. The multipliers are summed per cell in
 * one aggregate, each replicate is calibrated on that small table on the driver, and a respondent's replicate weight
 * is its multiplier times its cell's calibrated total over the cell's multiplier sum. Every multiplier is positive
 * (at least 1 - lambda_h, and f_h is above 0), so every category that has respondents keeps a positive starting
 * weight in every replicate.
 */
public final class ReplicateWeighting {
  /** A respondent's replicate weights, element r - 1 for replicate r. */
  public static final String REPLICATE_WEIGHTS = "replicate_weights";
  private static final Logger LOG = LoggerFactory.getLogger(ReplicateWeighting.class);
  private static final String CELL_FACTORS = "replicate_cell_factors";

  private final String survey;
  private final String stratum;
  private final WeightingRecipe recipe;
  private final BootstrapMultipliers multipliers;

  public ReplicateWeighting(String survey, SurveySettings settings, RakingSettings raking,
                            Classifications classifications, ReplicateWeightsSettings replicates) {
    this.survey = survey;
    this.stratum = settings.stratum();
    this.recipe = new WeightingRecipe(survey, settings, raking, classifications);
    this.multipliers = new BootstrapMultipliers(replicates.replicates(), replicates.seed());
  }

  /**
   * The weighted sample's rows with {@link #REPLICATE_WEIGHTS}, calibrated to {@code register} as the sample was.
   * The rows with their multipliers are read twice, summed here and mapped back when written: {@code reuse} may
   * persist them (it returns what to use).
   */
  public Dataset<Row> weigh(WeightedSample sample, RegisterMargins register, UnaryOperator<Dataset<Row>> reuse) {
    CalibrationCells cells = sample.calibration();
    Map<String, Long> sampled = new TreeMap<>();
    for (int c = 0; c < cells.cells().size(); c++) {
      sampled.merge(cells.stratum(c), cells.cells().get(c).units(), Long::sum);
    }
    Dataset<Row> rows = reuse.apply(multipliers.add(sample.rows(), stratum, ResponseContract.RESPONDENT_ID, sampled,
        cells.stratumSizes()));
    return calibrated(rows, cells, register, multipliers.replicates());
  }

  /** {@code rows} (with {@link BootstrapMultipliers#MULTIPLIERS} of {@code replicates} replicates) calibrated. */
  Dataset<Row> calibrated(Dataset<Row> rows, CalibrationCells cells, RegisterMargins register, int replicates) {
    Map<String, double[]> multiplierSums = new HashMap<>();
    rows.groupBy(col(SurveyWeighting.CELL))
        .agg(ElementwiseSum.of(rows.sparkSession()).apply(col(BootstrapMultipliers.MULTIPLIERS)))
        .collectAsList()
        .forEach(sums -> multiplierSums.put(sums.getString(0), doubles(sums.getList(1))));
    // Cell -> replicate -> replicate weight per unit of multiplier.
    double[][] factors = new double[cells.cells().size()][replicates];
    WeightingRecipe.Replicates calibration = recipe.replicates(cells.cells(), register);
    int maxIterations = 0;
    int maxRounds = 0;
    for (int r = 0; r < replicates; r++) {
      double[] sums = new double[cells.cells().size()];
      for (int c = 0; c < sums.length; c++) {
        sums[c] = multiplierSums.get(cells.key(c))[r];
      }
      WeightingRecipe.Calibration replicate = calibration.calibrate(r + 1, sums);
      maxIterations = Math.max(maxIterations, replicate.lastRaking().iterations());
      maxRounds = Math.max(maxRounds, replicate.trimmingRounds());
      double[] totals = replicate.totals();
      for (int c = 0; c < sums.length; c++) {
        factors[c][r] = totals[c] / sums[c];
      }
    }
    LOG.info("{}: {} replicates calibrated, raking at most {} iteration(s), trimming at most {} round(s)", survey,
        replicates, maxIterations, maxRounds);

    List<Row> cellFactors = new ArrayList<>();
    for (int c = 0; c < cells.cells().size(); c++) {
      cellFactors.add(RowFactory.create(cells.key(c), factors[c]));
    }
    StructType schema = new StructType().add(SurveyWeighting.CELL, DataTypes.StringType, false)
        .add(CELL_FACTORS, DataTypes.createArrayType(DataTypes.DoubleType, false), false);
    Dataset<Row> byCell = rows.sparkSession().createDataFrame(cellFactors, schema);
    return rows.join(broadcast(byCell), seq(SurveyWeighting.CELL), "left")
        .withColumn(REPLICATE_WEIGHTS, zip_with(col(BootstrapMultipliers.MULTIPLIERS), col(CELL_FACTORS),
            Column::multiply))
        .drop(CELL_FACTORS);
  }

  private static double[] doubles(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static scala.collection.immutable.Seq<String> seq(String column) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(column)).toSeq();
  }
}
