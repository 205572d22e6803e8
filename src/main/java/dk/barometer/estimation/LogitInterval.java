package dk.barometer.estimation;

import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The 95 % logit interval of a share, as R survey's {@code svyciprop(method = "logit")}:
 * expit(logit(p) +- t(0.975, df) se / (p (1 - p))). None for a share of 0 or 1, a zero standard error or no
 * degrees of freedom, where the logit is not defined.
 */
public record LogitInterval(double low, double high) {
  public static Optional<LogitInterval> of(double p, double se, long df) {
    if (!(p > 0 && p < 1 && df >= 1 && se > 0)) {
      return Optional.empty();
    }
    double t = new TDistribution(null, df).inverseCumulativeProbability(0.975);
    double logit = Math.log(p / (1 - p));
    double half = t * se / (p * (1 - p));
    return Optional.of(new LogitInterval(1 / (1 + Math.exp(-(logit - half))), 1 / (1 + Math.exp(-(logit + half)))));
  }

  public boolean covers(double value) {
    return low <= value && value <= high;
  }
}
