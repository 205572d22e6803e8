package dk.barometer.demo;

import java.util.Map;

/**
 * The sizes a survey's sample is drawn with: the population size (the default, or scaled up for a large request),
 * the gross sample size per stratum (whole numbers, held as doubles for the Spark lookup) and the selection
 * cut-off per stratum (see {@link SampleDraw}).
 */
record SamplePlan(long populationSize, Map<String, Double> gross, Map<String, Double> cutoff) {
  SamplePlan {
    gross = Map.copyOf(gross);
    cutoff = Map.copyOf(cutoff);
  }
}
