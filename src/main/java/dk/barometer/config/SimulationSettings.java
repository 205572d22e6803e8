package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.nio.file.Path;
import java.util.List;

/**
 * The coverage check of the standard errors ({@code conf/simulation.yaml}): the seeds of the demo population and of
 * the repeated samples, the number of samples, the range the pooled coverage must fall in, the estimates checked,
 * and the bootstrap's check: the first {@code bootstrap.samples} samples also get {@code bootstrap.replicates}
 * replicate weights of their own and a bootstrap interval (none without the key).
 */
public record SimulationSettings(long populationSeed, long sampleSeed, int samples, List<Double> coverageRange,
                                 List<SimulatedEstimate> estimates, BootstrapCheck bootstrap) {
  public SimulationSettings {
    checkArgument(samples > 1, "simulation samples must be at least 2, not %s", samples);
    bootstrap = bootstrap == null ? new BootstrapCheck(0, 0) : bootstrap;
    checkArgument(bootstrap.samples() <= samples, "simulation bootstrap.samples is %s, more than the %s samples",
        bootstrap.samples(), samples);
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
    return new SimulationSettings(populationSeed, sampleSeed, count, coverageRange, estimates,
        new BootstrapCheck(bootstrap.replicates(), Math.min(bootstrap.samples(), count)));
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

  /**
   * The bootstrap intervals checked: {@code replicates} replicate weights (2 or more) on each of the first
   * {@code samples} samples (0: none).
   */
  public record BootstrapCheck(int replicates, int samples) {
    public BootstrapCheck {
      checkArgument(samples >= 0, "simulation bootstrap.samples must be 0 or more, not %s", samples);
      checkArgument(samples == 0 || replicates >= 2, "simulation bootstrap.replicates must be 2 or more, not %s",
          replicates);
    }

    /** The replicate weights of sample {@code sample}, drawn from a seed of its own. */
    public ReplicateWeightsSettings replicateWeights(long sampleSeed, int sample) {
      return new ReplicateWeightsSettings(replicates, sampleSeed * 1_000_003L + sample);
    }
  }
}
