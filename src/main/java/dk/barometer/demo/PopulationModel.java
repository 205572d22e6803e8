package dk.barometer.demo;

import static dk.barometer.config.Checks.checkArgument;

import java.util.List;

/**
 * A synthetic register population: its default size, what real register it stands in for (named in the register
 * files' source column) and its classification variables, drawn in order for every unit.
 */
public record PopulationModel(long size, String standsInFor, List<CategoricalModel> classifications) {
  public PopulationModel {
    checkArgument(size > 0, "A population needs a positive size, not %s", size);
    checkArgument(standsInFor != null && !standsInFor.isBlank(), "A population needs stands_in_for");
    checkArgument(classifications != null && !classifications.isEmpty(), "A population needs classifications");
    classifications = List.copyOf(classifications);
  }
}
