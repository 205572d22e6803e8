package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.util.List;

/**
 * How one survey is weighted: the register {@code population} it represents (firms, employees), the column with
 * the sampling stratum, and the classification variables raked to register margins.
 */
public record SurveySettings(String population, String stratum, List<String> margins) {
  public SurveySettings {
    checkArgument(population != null && !population.isBlank(), "A survey needs a register population");
    checkArgument(stratum != null && !stratum.isBlank(), "A survey needs a stratum column");
    checkArgument(margins != null && !margins.isEmpty(), "A survey needs at least one raking margin");
    checkArgument(margins.stream().distinct().count() == margins.size(), "Raking margins repeat a variable: %s",
        margins);
    margins = List.copyOf(margins);
  }
}
