package dk.barometer.weighting;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;

import dk.barometer.config.Classifications;
import dk.barometer.config.RakingSettings;
import dk.barometer.config.SurveySettings;
import dk.barometer.ingest.RegisterMargins;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Weights one survey: design weights per sampling stratum, then the {@link WeightingRecipe} (raking to the register
 * margins after the configured collapses, with trimming when configured). The rows are aggregated to
 * weighting cells (margin categories and stratum) once; raking iterates on that small table on the driver and the
 * cell factors are joined back onto the rows, so the cost is one pass over the rows whatever the number of
 * iterations.
 */
public final class SurveyWeighting {
  public static final String RAKE_FACTOR = "rake_factor";
  public static final String WEIGHT = "weight";
  /** The respondent's weighting cell: collapsed margin categories and stratum, joined. */
  public static final String CELL = "weighting_cell";
  private static final String KEY_SEPARATOR = "\u001f";

  private final String survey;
  private final SurveySettings settings;
  private final WeightingRecipe recipe;

  /** {@code classifications} give the codes of each margin, for the recipe's messages. */
  public SurveyWeighting(String survey, SurveySettings settings, RakingSettings raking,
                         Classifications classifications) {
    this.survey = survey;
    this.settings = settings;
    this.recipe = new WeightingRecipe(survey, settings, raking, classifications);
  }

  public WeightedSample weigh(int wave, Dataset<Row> responses, RegisterMargins register) {
    String population = settings.population();
    Map<String, Double> registerStrata = register.margin(population, "stratum");
    List<String> margins = settings.margins();
    List<Column> keys = new ArrayList<>(margins.stream().map(this::rakingCategory).toList());
    keys.add(col(settings.stratum()));
    // One pass over the rows: respondents per cell, from which n_h, d_h and the cells' design totals follow.
    Map<List<String>, Long> counts = cellCounts(responses, keys);
    Map<String, Long> sampled = new TreeMap<>();
    counts.forEach((cell, n) -> sampled.merge(cell.get(cell.size() - 1), n, Long::sum));
    Map<String, Double> designWeights = DesignWeights.of(survey, sampled, registerStrata, register.files());
    List<Cell> cells = new ArrayList<>();
    counts.forEach((cell, n) -> cells.add(new Cell(cell, n, n * designWeights.get(cell.get(cell.size() - 1)))));
    Dataset<Row> designed = DesignWeights.apply(responses, settings.stratum(), designWeights, registerStrata);
    WeightingRecipe.Calibration calibration = recipe.calibrate(cells, register);
    double[] totals = calibration.totals();

    List<Row> factors = new ArrayList<>();
    for (int c = 0; c < cells.size(); c++) {
      factors.add(RowFactory.create(cellKey(cells.get(c).categories()), totals[c] / cells.get(c).weight()));
    }
    StructType factorSchema = new StructType().add(CELL, DataTypes.StringType, false)
        .add(RAKE_FACTOR, DataTypes.DoubleType, false);
    // A hash join on the cell: a literal map would be searched key by key for every row.
    Dataset<Row> weighted = designed
        .withColumn(CELL, concat_ws(KEY_SEPARATOR, keys.toArray(Column[]::new)))
        .join(broadcast(responses.sparkSession().createDataFrame(factors, factorSchema)), seq(CELL), "left")
        .withColumn(WEIGHT, col(DesignWeights.DESIGN_WEIGHT).multiply(col(RAKE_FACTOR)));
    WeightDiagnostics diagnostics = WeightDiagnostics.of(survey, new UnitWeights(cells, totals),
        calibration.lastRaking().iterations(), calibration.lastRaking().maxGap(), calibration.trimmingRounds(),
        calibration.trimmed(), collapsedDescriptions());
    return new WeightedSample(survey, wave, weighted, diagnostics,
        new CalibrationCells(margins, cells, totals, registerStrata));
  }

  /**
   * The sample as a run weighted it, again from what the run stored: {@code rows} are the harmonised responses with
   * the design weight, rake factor, final weight and stratum population the run wrote for each (the weights table).
   * The weighting cells are formed as {@link #weigh} forms them (margins after the collapses, then the stratum), each
   * cell's design total is its respondents times their design weight and its final total that times their rake
   * factor, as the run had them, so that estimates and their variance are computed as the run computed them. The
   * margins and collapses are those of the settings: the ones the run used when they are unchanged since.
   */
  public WeightedSample stored(int wave, Dataset<Row> rows) {
    List<Column> keys = new ArrayList<>(settings.margins().stream().map(this::rakingCategory).toList());
    keys.add(col(settings.stratum()));
    Dataset<Row> weighted = rows.withColumn(CELL, concat_ws(KEY_SEPARATOR, keys.toArray(Column[]::new)));
    List<Cell> cells = new ArrayList<>();
    List<Double> totals = new ArrayList<>();
    Map<String, Double> stratumSizes = new TreeMap<>();
    // One row per cell (a few hundred): its respondents share the design weight, rake factor and stratum size.
    for (Row cell : weighted.groupBy(keys.toArray(Column[]::new)).agg(count(lit(1)),
        first(col(DesignWeights.DESIGN_WEIGHT)), first(col(RAKE_FACTOR)),
        first(col(DesignWeights.STRATUM_POPULATION))).collectAsList()) {
      List<String> categories = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        categories.add(cell.getString(i));
      }
      long units = cell.getLong(keys.size());
      double designTotal = units * cell.getDouble(keys.size() + 1);
      cells.add(new Cell(categories, units, designTotal));
      totals.add(designTotal * cell.getDouble(keys.size() + 2));
      stratumSizes.put(categories.get(categories.size() - 1), cell.getDouble(keys.size() + 3));
    }
    return new WeightedSample(survey, wave, weighted, null, new CalibrationCells(settings.margins(), cells,
        totals.stream().mapToDouble(Double::doubleValue).toArray(), stratumSizes));
  }

  private static scala.collection.immutable.Seq<String> seq(String column) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(column)).toSeq();
  }

  static String cellKey(List<String> categories) {
    return String.join(KEY_SEPARATOR, categories);
  }

  /** The margin's category after the collapse rules: merged categories take their neighbour's code. */
  private Column rakingCategory(String margin) {
    Map<String, String> rules = settings.collapseOf(margin);
    if (rules.isEmpty()) {
      return col(margin);
    }
    List<Column> pairs = new ArrayList<>();
    rules.forEach((from, to) -> {
      pairs.add(lit(from));
      pairs.add(lit(to));
    });
    return coalesce(element_at(map(pairs.toArray(Column[]::new)), col(margin)), col(margin));
  }

  private List<String> collapsedDescriptions() {
    List<String> collapsed = new ArrayList<>();
    for (String margin : settings.margins()) {
      settings.collapseOf(margin).forEach((from, to) -> collapsed.add(margin + ": " + from + " -> " + to));
    }
    return collapsed;
  }

  private static Map<List<String>, Long> cellCounts(Dataset<Row> responses, List<Column> keys) {
    Map<List<String>, Long> counts = new LinkedHashMap<>();
    for (Row r : responses.groupBy(keys.toArray(Column[]::new)).agg(count(lit(1))).collectAsList()) {
      List<String> categories = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        categories.add(r.getString(i));
      }
      counts.put(categories, r.getLong(keys.size()));
    }
    return counts;
  }
}
