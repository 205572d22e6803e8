package dk.barometer.demo;

import static dk.barometer.config.Checks.checkArgument;

/** Range checks shared by the probability tables. */
final class Probabilities {
  private Probabilities() {}

  /** A probability is in [0, 1]; one that log-odds shifts apply to must be strictly inside, or its logit is infinite. */
  static void check(String where, double p, boolean shifted) {
    if (shifted) {
      checkArgument(p > 0 && p < 1, "Probability %s at '%s' must be strictly between 0 and 1 when log-odds shifts "
          + "apply", p, where);
    } else {
      checkArgument(p >= 0 && p <= 1, "Probability %s at '%s' must be between 0 and 1", p, where);
    }
  }
}
