package dk.barometer.weighting;

import dk.barometer.BarometerException;

/** Every weighting failure, one factory method each; messages carry the numbers needed to act. */
final class WeightingErrors {
  private WeightingErrors() {}

  private static BarometerException weighting(String format, Object... args) {
    return new BarometerException(BarometerException.Kind.WEIGHTING, String.format(format, args));
  }

  static BarometerException stratumNotInRegister(String survey, String stratum, long respondents, Object known) {
    return weighting("%s: %d respondent(s) are in sampling stratum '%s', which the register does not have (register "
        + "strata: %s). Fix the stratum codes or the register.", survey, respondents, stratum, known);
  }

  static BarometerException emptyStratum(String survey, String stratum, double population) {
    return weighting("%s: register stratum '%s' has %.0f units but no valid respondent, so its design weight is "
        + "undefined. Collapse the stratum into a neighbour or check the sample.", survey, stratum, population);
  }

  static BarometerException categoryNotInRegister(String survey, String margin, String category, Object known) {
    return weighting("%s: respondents have %s = '%s', which the register margin does not have (register "
        + "categories: %s). Collapse it into one the register has (surveys.%s.collapse in conf/barometer.yaml) or fix "
        + "the input.", survey, margin, category, known, survey);
  }

  static BarometerException emptyCategory(String survey, String margin, String category, double count) {
    return weighting("%s: register category %s = '%s' (%.0f units) has no respondents, so raking cannot reach its "
        + "total. Collapse it into a neighbouring category (surveys.%s.collapse in conf/barometer.yaml) or check the "
        + "sample.", survey, margin, category, count, survey);
  }

  static BarometerException inconsistentTotals(String survey, String margin, double total, String first,
                                               double firstTotal) {
    return weighting("%s: register margin %s sums to %.1f but %s sums to %.1f; raking needs margins of one "
        + "population total. Fix the register extract.", survey, margin, total, first, firstTotal);
  }

  static BarometerException notConverged(String survey, int iterations, String margin, String category,
                                         double weighted, double target, double tolerance) {
    return weighting("%s: raking failed to converge in %d iterations: the largest gap is %s = '%s' with weighted "
        + "total %.6f against register total %.6f (relative gap %.3g, tolerance %.3g). Raise raking.max_iterations "
        + "or collapse sparse categories.", survey, iterations, margin, category, weighted, target,
        Math.abs(weighted - target) / target, tolerance);
  }

  static BarometerException trimmingNotConverged(String survey, int rounds, double maxWeight, double cap) {
    return weighting("%s: trimming and raking did not settle in %d rounds: the largest weight is %.6g against the "
        + "cap %.6g. The cap is too tight for the margins; raise trimming.max_ratio_to_median.", survey, rounds,
        maxWeight, cap);
  }
}
