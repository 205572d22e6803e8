package dk.barometer.demo;

import static dk.barometer.config.Checks.checkArgument;

import java.util.Map;

/**
 * The contents of {@code conf/demo/<wave>.yaml}: the seed of the wave's draws (unless {@code generate --seed} gives
 * another), the synthetic populations and how each survey samples one.
 */
public record DemoModel(int version, int wave, long seed, Map<String, PopulationModel> populations,
                        Map<String, SurveyModel> surveys) {
  public DemoModel {
    checkArgument(seed > 0, "The demo model needs a positive seed, not %s", seed);
    checkArgument(populations != null && !populations.isEmpty(), "The demo model defines no populations");
    checkArgument(surveys != null && !surveys.isEmpty(), "The demo model defines no surveys");
    populations = TableKeys.ordered(populations);
    surveys = TableKeys.ordered(surveys);
  }
}
