package dk.barometer.weighting;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.sum;

import dk.barometer.config.RakingSettings;
import dk.barometer.config.SurveySettings;
import dk.barometer.ingest.RegisterMargins;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Weights one survey: design weights per sampling stratum, then raking to the register margins. The rows are
 * aggregated to classification cells once; raking iterates on that small table on the driver and its cell factors
 * are mapped back onto the rows, so the cost is one pass over the rows whatever the number of iterations.
 */
public final class SurveyWeighting {
  public static final String RAKE_FACTOR = "rake_factor";
  public static final String WEIGHT = "weight";
  private static final String KEY_SEPARATOR = "\u001f";

  private final String survey;
  private final SurveySettings settings;
  private final RakingSettings raking;

  public SurveyWeighting(String survey, SurveySettings settings, RakingSettings raking) {
    this.survey = survey;
    this.settings = settings;
    this.raking = raking;
  }

  public WeightedSample weigh(int wave, Dataset<Row> responses, RegisterMargins register) {
    String population = settings.population();
    Dataset<Row> designed = DesignWeights.apply(survey, responses, settings.stratum(),
        register.margin(population, "stratum"));

    List<String> margins = settings.margins();
    List<Map<String, Double>> targets = margins.stream().map(m -> register.margin(population, m)).toList();
    RakingResult result = new CellRaking(survey, raking).rake(margins, cells(designed, margins), targets);

    List<Column> factorMap = new ArrayList<>();
    result.factors().forEach((key, factor) -> {
      factorMap.add(lit(String.join(KEY_SEPARATOR, key)));
      factorMap.add(lit(factor));
    });
    Column cellKey = concat_ws(KEY_SEPARATOR, margins.stream().map(m -> col(m)).toArray(Column[]::new));
    Dataset<Row> weighted = designed
        .withColumn(RAKE_FACTOR, element_at(map(factorMap.toArray(Column[]::new)), cellKey))
        .withColumn(WEIGHT, col(DesignWeights.DESIGN_WEIGHT).multiply(col(RAKE_FACTOR)));
    return new WeightedSample(survey, wave, weighted, result);
  }

  private static List<Cell> cells(Dataset<Row> designed, List<String> margins) {
    Column[] keys = margins.stream().map(m -> col(m)).toArray(Column[]::new);
    List<Cell> cells = new ArrayList<>();
    for (Row r : designed.groupBy(keys).agg(sum(DesignWeights.DESIGN_WEIGHT)).collectAsList()) {
      List<String> categories = new ArrayList<>();
      for (int i = 0; i < margins.size(); i++) {
        categories.add(r.getString(i));
      }
      cells.add(new Cell(categories, r.getDouble(margins.size())));
    }
    return cells;
  }
}
