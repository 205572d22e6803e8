package dk.barometer.demo;

import static dk.barometer.config.Checks.checkArgument;

import java.util.Map;

/**
 * The sample design of one survey: strata ({@code stratum}, a classification variable), the share of respondents
 * allotted to each stratum, and non-response. A unit of stratum h in the gross sample responds with probability
 * {@code min(1, response[h] x factor[category of responseFactors.variable])}: main effects only, so raking on the
 * stratum and factor variables removes the bias. The gross sample of each stratum is sized so the expected number
 * of respondents meets the allocation; {@code maxSamplingFraction} caps the gross sample's share of a stratum (the
 * population is scaled up when a large request would exceed it).
 */
public record SampleDesign(String stratum, Map<String, Double> allocation, Map<String, Double> response,
                           ResponseFactors responseFactors, double maxSamplingFraction) {
  public SampleDesign {
    checkArgument(stratum != null, "A sample design needs a stratum variable");
    checkArgument(allocation != null && !allocation.isEmpty(), "A sample design needs an allocation");
    checkArgument(response != null && !response.isEmpty(), "A sample design needs response propensities");
    allocation = TableKeys.ordered(allocation);
    response = TableKeys.ordered(response);
    allocation.values().forEach(a -> checkArgument(a > 0, "Allocation shares must be positive"));
    response.values().forEach(r -> checkArgument(r > 0 && r <= 1, "Response propensities must be in (0, 1]"));
    checkArgument(responseFactors != null, "A sample design needs response factors");
    checkArgument(maxSamplingFraction > 0 && maxSamplingFraction <= 1,
        "max_sampling_fraction %s must be in (0, 1]", maxSamplingFraction);
  }
}
