package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.nio.file.Path;
import java.util.List;

/**
 * The coverage check of the standard errors ({@code conf/simulation.yaml}): the seeds of the demo population and of
 * the repeated samples, the number of samples, the range the pooled coverage must fall in and the estimates checked.
 */
public record SimulationSettings(long populationSeed, long sampleSeed, int samples, List<Double> coverageRange,
                                 List<SimulatedEstimate> estimates) {
  public SimulationSettings {
    checkArgument(samples > 1, "simulation samples must be at least 2, not %s", samples);
    checkArgument(coverageRange != null && coverageRange.size() == 2 && coverageRange.get(0) < coverageRange.get(1),
        "simulation coverage_range must be [low, high], not %s", coverageRange);
    checkArgument(estimates != null && !estimates.isEmpty(), "simulation estimates are missing");
    coverageRange = List.copyOf(coverageRange);
    estimates = List.copyOf(estimates);
  }

  public static SimulationSettings load(Path conf) {
    return Yaml.read(conf.resolve("simulation.yaml"), SimulationSettings.class);
  }

  public SimulationSettings withSamples(int count) {
    return new SimulationSettings(populationSeed, sampleSeed, count, coverageRange, estimates);
  }

  /** The catalogue's indicators of {@code survey} that the check estimates, each with only the checked domains. */
  public List<IndicatorDefinition> indicators(IndicatorCatalog catalog, String survey) {
    return estimates.stream().filter(e -> e.survey().equals(survey)).map(e -> {
      IndicatorDefinition definition = catalog.forSurvey(survey).stream().filter(i -> i.id().equals(e.indicator()))
          .findFirst().orElse(null);
      checkArgument(definition != null, "simulation.yaml: survey %s has no indicator '%s' in the catalogue", survey,
          e.indicator());
      for (String domain : e.domains()) {
        checkArgument(definition.domains().contains(domain), "simulation.yaml: indicator %s/%s has no domain '%s'; "
            + "it has %s", survey, e.indicator(), domain, definition.domains());
      }
      return definition.withDomains(e.domains());
    }).toList();
  }

  /** One indicator of one survey, checked on some of its domains. */
  public record SimulatedEstimate(String survey, String indicator, List<String> domains) {
    public SimulatedEstimate {
      checkArgument(survey != null && indicator != null, "simulation estimates need a survey and an indicator");
      checkArgument(domains != null && !domains.isEmpty(), "simulation estimate %s/%s needs domains", survey,
          indicator);
      domains = List.copyOf(domains);
    }
  }
}
