package dk.barometer.weighting;

import static org.apache.spark.sql.functions.col;
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

  /**
   * d_h per stratum from the respondents per stratum; a sample stratum missing from the register, or a register
   * stratum without respondents, is an error naming the register's {@code files}.
   */
  public static Map<String, Double> of(String survey, Map<String, Long> sampled, Map<String, Double> registerStrata,
                                       List<String> files) {
    for (Map.Entry<String, Long> s : sampled.entrySet()) {
      if (!registerStrata.containsKey(s.getKey())) {
        throw WeightingErrors.stratumNotInRegister(survey, s.getKey(), s.getValue(), registerStrata.keySet(), files);
      }
    }
    Map<String, Double> weights = new TreeMap<>();
    for (Map.Entry<String, Double> h : registerStrata.entrySet()) {
      Long n = sampled.get(h.getKey());
      if (n == null) {
        throw WeightingErrors.emptyStratum(survey, h.getKey(), h.getValue(), files);
      }
      weights.put(h.getKey(), h.getValue() / n);
    }
    return weights;
  }

  /** Adds {@link #DESIGN_WEIGHT} and {@link #STRATUM_POPULATION} (N_h, kept for variance estimation). */
  public static Dataset<Row> apply(Dataset<Row> responses, String stratum, Map<String, Double> weights,
                                   Map<String, Double> registerStrata) {
    return responses
        .withColumn(DESIGN_WEIGHT, lookup(weights, col(stratum)))
        .withColumn(STRATUM_POPULATION, lookup(registerStrata, col(stratum)));
  }

  private static Column lookup(Map<String, Double> values, Column key) {
    List<Column> pairs = new ArrayList<>();
    values.forEach((k, v) -> {
      pairs.add(lit(k));
      pairs.add(lit(v));
    });
    return element_at(map(pairs.toArray(Column[]::new)), key);
  }
}
