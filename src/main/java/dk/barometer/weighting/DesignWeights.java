package dk.barometer.weighting;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Design weights of a stratified sample: d_h = N_h / n_h, the register size of stratum h over its number of
 * valid respondents (the inverse selection probability of the responding sample).
 */
public final class DesignWeights {
  public static final String DESIGN_WEIGHT = "design_weight";
  public static final String STRATUM_POPULATION = "stratum_population";

  private DesignWeights() {}

  /** Adds {@link #DESIGN_WEIGHT} and {@link #STRATUM_POPULATION} (N_h, kept for variance estimation). */
  public static Dataset<Row> apply(String survey, Dataset<Row> responses, String stratum,
                                   Map<String, Double> registerStrata) {
    Map<String, Long> sampled = new TreeMap<>();
    for (Row r : responses.groupBy(col(stratum)).agg(count(lit(1))).collectAsList()) {
      sampled.put(r.getString(0), r.getLong(1));
    }
    for (Map.Entry<String, Long> s : sampled.entrySet()) {
      if (!registerStrata.containsKey(s.getKey())) {
        throw WeightingErrors.stratumNotInRegister(survey, s.getKey(), s.getValue(), registerStrata.keySet());
      }
    }
    List<Column> weights = new ArrayList<>();
    List<Column> sizes = new ArrayList<>();
    for (Map.Entry<String, Double> h : registerStrata.entrySet()) {
      Long n = sampled.get(h.getKey());
      if (n == null) {
        throw WeightingErrors.emptyStratum(survey, h.getKey(), h.getValue());
      }
      weights.add(lit(h.getKey()));
      weights.add(lit(h.getValue() / n));
      sizes.add(lit(h.getKey()));
      sizes.add(lit(h.getValue()));
    }
    return responses
        .withColumn(DESIGN_WEIGHT, element_at(map(weights.toArray(Column[]::new)), col(stratum)))
        .withColumn(STRATUM_POPULATION, element_at(map(sizes.toArray(Column[]::new)), col(stratum)));
  }
}
