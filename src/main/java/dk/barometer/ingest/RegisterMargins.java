package dk.barometer.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Register population counts of one reference year: population (firms, employees) -> variable (industry, region,
 * size_class, stratum) -> category -> count. Small aggregate data, held on the driver. {@code files} are the files
 * the counts came from (for counts made in memory, what made them), which a message about the counts names.
 */
public record RegisterMargins(int year, String location, Map<String, Map<String, Map<String, Double>>> counts,
                              Map<String, String> sources, List<String> files) {
  public RegisterMargins {
    counts = Collections.unmodifiableMap(new TreeMap<>(counts));
    sources = Map.copyOf(sources);
    files = List.copyOf(files);
  }

  /** Counts of one variable for one population; an error naming what is missing when the register lacks it. */
  public Map<String, Double> margin(String population, String variable) {
    Map<String, Map<String, Double>> byVariable = counts.get(population);
    if (byVariable == null) {
      throw InputErrors.populationNotInRegister(location, year, population, counts.keySet());
    }
    Map<String, Double> margin = byVariable.get(variable);
    if (margin == null) {
      throw InputErrors.marginNotInRegister(location, year, population, variable, byVariable.keySet());
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(margin));
  }

  public static double total(Map<String, Double> margin) {
    return margin.values().stream().mapToDouble(Double::doubleValue).sum();
  }
}
