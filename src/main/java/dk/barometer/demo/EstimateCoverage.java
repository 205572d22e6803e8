package dk.barometer.demo;

import dk.barometer.estimation.LogitInterval;
import java.util.Optional;

/**
 * How one estimate behaved over the repeated samples of a coverage check: the population value it estimates, the
 * mean and standard deviation of its estimates, the mean of their (Taylor) standard errors, and the share of 95 %
 * intervals that covered the population value; the same for the bootstrap standard errors and their intervals over
 * the samples that drew replicate weights.
 */
public record EstimateCoverage(String survey, String indicatorId, String domain, String domainValue,
                               String category, double truth, long samples, double meanEstimate, double empiricalSd,
                               double meanSe, long intervals, long covered, double meanBaseN,
                               double meanBootstrapSe, long bootstrapIntervals, long bootstrapCovered) {
  public double coverage() {
    return intervals == 0 ? Double.NaN : (double) covered / intervals;
  }

  public double bootstrapCoverage() {
    return bootstrapIntervals == 0 ? Double.NaN : (double) bootstrapCovered / bootstrapIntervals;
  }

  /** Mean bootstrap standard error over the standard deviation of the estimates. */
  public double bootstrapSeRatio() {
    return meanBootstrapSe / empiricalSd;
  }

  public double bias() {
    return meanEstimate - truth;
  }

  /** Mean standard error over the standard deviation of the estimates: 1 when the SE is right on average. */
  public double seRatio() {
    return meanSe / empiricalSd;
  }

  /** Running sums of one estimate over the samples (Welford's mean and squared deviations). */
  static final class Tally {
    private long samples;
    private double mean;
    private double squaredDeviations;
    private double seSum;
    private long intervals;
    private long covered;
    private double baseNSum;
    private long bootstrapSamples;
    private double bootstrapSeSum;
    private long bootstrapIntervals;
    private long bootstrapCovered;

    /**
     * One sample's estimate with its Taylor SE and interval, and its bootstrap SE (null when the sample drew no
     * replicate weights) with the interval the Taylor one would be with that SE and {@code df}.
     */
    void add(double estimate, Double se, Double low, Double high, long baseN, double truth, Double bootstrapSe,
             Long df) {
      add(estimate, se, low, high, baseN, truth);
      if (bootstrapSe != null) {
        bootstrapSamples++;
        bootstrapSeSum += bootstrapSe;
        Optional<LogitInterval> interval = df == null ? Optional.empty()
            : LogitInterval.of(estimate, bootstrapSe, df);
        if (interval.isPresent()) {
          bootstrapIntervals++;
          bootstrapCovered += interval.get().covers(truth) ? 1 : 0;
        }
      }
    }

    private void add(double estimate, Double se, Double low, Double high, long baseN, double truth) {
      samples++;
      double delta = estimate - mean;
      mean += delta / samples;
      squaredDeviations += delta * (estimate - mean);
      baseNSum += baseN;
      if (se != null) {
        seSum += se;
      }
      if (low != null && high != null) {
        intervals++;
        covered += low <= truth && truth <= high ? 1 : 0;
      }
    }

    EstimateCoverage result(String survey, String indicatorId, String domain, String domainValue, String category,
                            double truth) {
      return new EstimateCoverage(survey, indicatorId, domain, domainValue, category, truth, samples, mean,
          Math.sqrt(squaredDeviations / (samples - 1)), seSum / samples, intervals, covered, baseNSum / samples,
          bootstrapSamples == 0 ? Double.NaN : bootstrapSeSum / bootstrapSamples, bootstrapIntervals,
          bootstrapCovered);
    }
  }
}
