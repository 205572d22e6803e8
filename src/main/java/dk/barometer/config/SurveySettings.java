package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one survey is weighted: the register {@code population} it represents (firms, employees), the column with
 * the sampling stratum, the classification variables raked to register margins, optional collapse rules (per
 * margin, a category merged into a neighbour before raking, in the sample and the register alike) and optional
 * trimming.
 */
public record SurveySettings(String population, String stratum, List<String> margins,
                             Map<String, Map<String, String>> collapse, TrimmingSettings trimming) {
  public SurveySettings {
    checkArgument(population != null && !population.isBlank(), "A survey needs a register population");
    checkArgument(stratum != null && !stratum.isBlank(), "A survey needs a stratum column");
    checkArgument(margins != null && !margins.isEmpty(), "A survey needs at least one raking margin");
    checkArgument(margins.stream().distinct().count() == margins.size(), "Raking margins repeat a variable: %s",
        margins);
    margins = List.copyOf(margins);
    collapse = collapse == null ? Map.of() : Map.copyOf(collapse);
    for (Map.Entry<String, Map<String, String>> rule : collapse.entrySet()) {
      checkArgument(margins.contains(rule.getKey()), "Collapse rule for '%s', which is not a raking margin %s",
          rule.getKey(), margins);
      for (Map.Entry<String, String> merge : rule.getValue().entrySet()) {
        checkArgument(!rule.getValue().containsKey(merge.getValue()), "Collapse rule %s: '%s' -> '%s' is a chain: "
            + "'%s' is itself collapsed; name the final neighbour", rule.getKey(), merge.getKey(), merge.getValue(),
            merge.getValue());
        checkArgument(!merge.getKey().equals(merge.getValue()), "Collapse rule %s: '%s' into itself",
            rule.getKey(), merge.getKey());
      }
    }
  }

  public SurveySettings(String population, String stratum, List<String> margins) {
    this(population, stratum, margins, Map.of(), null);
  }

  /** The collapse rules of one margin: category to the neighbour it is merged into (empty when none). */
  public Map<String, String> collapseOf(String margin) {
    return collapse.getOrDefault(margin, Map.of());
  }

  /** Register counts of one margin with its collapse rules applied (merged categories summed). */
  public Map<String, Double> collapsed(String margin, Map<String, Double> counts) {
    Map<String, String> rules = collapseOf(margin);
    Map<String, Double> merged = new LinkedHashMap<>();
    counts.forEach((category, count) -> merged.merge(rules.getOrDefault(category, category), count, Double::sum));
    return merged;
  }
}
