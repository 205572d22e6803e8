package dk.barometer.weighting;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.transform;

import dk.barometer.config.Classifications;
import dk.barometer.config.RakingSettings;
import dk.barometer.config.ReplicateWeightsSettings;
import dk.barometer.config.SurveySettings;
import dk.barometer.ingest.RegisterMargins;
import dk.barometer.ingest.ResponseContract;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
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
 * raking to the register margins: {@link WeightingRecipe#calibrateReplicate}), so that a statistic's variance
 * over the replicates includes the calibration.
 * Respondents of a weighting cell with the same multiplier share their replicate weight, so the rows are aggregated
 * once per replicate, cell and multiplier, each replicate is calibrated on that small table on the driver, and the
 * weights are mapped back onto the rows. Every multiplier is positive (at least 1 - lambda_h, and f_h is above 0),
 * so every category that has respondents keeps a positive starting weight in every replicate.
 */
public final class ReplicateWeighting {
  /** A respondent's replicate weights, element r - 1 for replicate r. */
  public static final String REPLICATE_WEIGHTS = "replicate_weights";
  private static final Logger LOG = LoggerFactory.getLogger(ReplicateWeighting.class);
  private static final String CELL_WEIGHTS = "replicate_cell_weights";

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
    Map<String, Integer> cellIndex = new HashMap<>();
    for (int c = 0; c < cells.cells().size(); c++) {
      cellIndex.put(cells.key(c), c);
    }
    // Replicate -> cell -> multiplier -> respondents.
    List<Map<Integer, Map<Double, Long>>> starts = new ArrayList<>();
    for (int r = 0; r < replicates; r++) {
      starts.add(new TreeMap<>());
    }
    List<Row> groups = rows.select(col(SurveyWeighting.CELL), posexplode(col(BootstrapMultipliers.MULTIPLIERS)))
        .groupBy(col(SurveyWeighting.CELL), col("pos"), col("col")).agg(count(lit(1))).collectAsList();
    for (Row g : groups) {
      starts.get(g.getInt(1)).computeIfAbsent(cellIndex.get(g.getString(0)), c -> new TreeMap<>())
          .put(g.getDouble(2), g.getLong(3));
    }
    // Cell -> replicate -> multiplier -> replicate weight of each of its respondents.
    List<List<Map<Double, Double>>> weights = new ArrayList<>();
    for (int c = 0; c < cells.cells().size(); c++) {
      List<Map<Double, Double>> ofCell = new ArrayList<>();
      for (int r = 0; r < replicates; r++) {
        ofCell.add(new LinkedHashMap<>());
      }
      weights.add(ofCell);
    }
    int maxIterations = 0;
    for (int r = 0; r < replicates; r++) {
      List<Cell> replicateCells = new ArrayList<>();
      List<Integer> cellOf = new ArrayList<>();
      List<Double> multiplierOf = new ArrayList<>();
      starts.get(r).forEach((c, byMultiplier) -> byMultiplier.forEach((multiplier, units) -> {
        Cell cell = cells.cells().get(c);
        replicateCells.add(new Cell(cell.categories(), units, units * cells.unitDesignWeight(c) * multiplier));
        cellOf.add(c);
        multiplierOf.add(multiplier);
      }));
      WeightingRecipe.Calibration calibration = recipe.calibrateReplicate(replicateCells, register);
      maxIterations = Math.max(maxIterations, calibration.lastRaking().iterations());
      double[] totals = calibration.totals();
      for (int i = 0; i < replicateCells.size(); i++) {
        weights.get(cellOf.get(i)).get(r).put(multiplierOf.get(i), totals[i] / replicateCells.get(i).units());
      }
    }
    LOG.info("{}: {} replicates calibrated, raking at most {} iteration(s)", survey, replicates, maxIterations);

    List<Row> cellWeights = new ArrayList<>();
    for (int c = 0; c < cells.cells().size(); c++) {
      cellWeights.add(RowFactory.create(cells.key(c), weights.get(c)));
    }
    StructType schema = new StructType().add(SurveyWeighting.CELL, DataTypes.StringType, false)
        .add(CELL_WEIGHTS, DataTypes.createArrayType(
            DataTypes.createMapType(DataTypes.DoubleType, DataTypes.DoubleType, false), false), false);
    Dataset<Row> byCell = rows.sparkSession().createDataFrame(cellWeights, schema);
    return rows.join(broadcast(byCell), seq(SurveyWeighting.CELL), "left")
        .withColumn(REPLICATE_WEIGHTS, transform(col(BootstrapMultipliers.MULTIPLIERS),
            (multiplier, r) -> element_at(element_at(col(CELL_WEIGHTS), r.plus(1)), multiplier)))
        .drop(CELL_WEIGHTS);
  }

  private static scala.collection.immutable.Seq<String> seq(String column) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(column)).toSeq();
  }
}
