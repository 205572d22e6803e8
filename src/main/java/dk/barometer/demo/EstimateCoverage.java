package dk.barometer.demo;

/**
 * How one estimate behaved over the repeated samples of a coverage check: the population value it estimates, the
 * mean and standard deviation of its estimates, the mean of their standard errors, and the share of 95 % intervals
 * that covered the population value.
 */
public record EstimateCoverage(String survey, String indicatorId, String domain, String domainValue,
                               String category, double truth, long samples, double meanEstimate, double empiricalSd,
                               double meanSe, long intervals, long covered, double meanBaseN) {
  public double coverage() {
    return intervals == 0 ? Double.NaN : (double) covered / intervals;
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

    void add(double estimate, Double se, Double low, Double high, long baseN, double truth) {
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
          Math.sqrt(squaredDeviations / (samples - 1)), seSum / samples, intervals, covered, baseNSum / samples);
    }
  }
}
