package dk.barometer.weighting;

import dk.barometer.BarometerException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every weighting failure, one factory method each; messages carry the numbers needed to act. */
final class WeightingErrors {
  private WeightingErrors() {}

  private static BarometerException weighting(String format, Object... args) {
    return new BarometerException(BarometerException.Kind.WEIGHTING, String.format(format, args));
  }

  static BarometerException stratumNotInRegister(String survey, String stratum, long respondents, Object known,
                                                 List<String> files) {
    return weighting("%s: %d respondent(s) are in sampling stratum '%s', which the register does not have (register "
        + "strata: %s; register file(s) %s). Fix the stratum codes or the register.", survey, respondents, stratum,
        known, String.join(", ", files));
  }

  static BarometerException emptyStratum(String survey, String stratum, double population, List<String> files) {
    return weighting("%s: register stratum '%s' has %.0f units but no valid respondent, so its design weight is "
        + "undefined (register file(s) %s). Collapse the stratum into a neighbour or check the sample.", survey,
        stratum, population, String.join(", ", files));
  }

  /** {@code respondents}: the respondents of each category the register margin lacks. */
  static BarometerException categoriesNotInRegister(String survey, String population, String margin,
                                                    Map<String, Long> respondents, Collection<String> known,
                                                    List<String> files) {
    String missing = respondents.entrySet().stream()
        .map(c -> String.format("'%s' (%d respondent(s))", c.getKey(), c.getValue())).collect(Collectors.joining(", "));
    return weighting("%s: the register margin %s of %s has no count for %s = %s; it counts %s (register file(s) "
        + "%s). Add the missing counts to the register extract, or collapse the category into one the register has "
        + "(surveys.%s.collapse in conf/barometer.yaml).", survey, margin, population, margin, missing, known,
        String.join(", ", files), survey);
  }

  static BarometerException emptyCategory(String survey, String margin, String category, double count,
                                          List<String> files) {
    return weighting("%s: register category %s = '%s' (%.0f units) has no respondents, so raking cannot reach its "
        + "total (register file(s) %s). Collapse it into a neighbouring category (surveys.%s.collapse in "
        + "conf/barometer.yaml) or check the sample.", survey, margin, category, count, String.join(", ", files),
        survey);
  }

  /**
   * Two margins of different totals; {@code smaller} is the one of the smaller total and {@code absent} the codes of
   * its classification it has no count for (none of them held by a respondent).
   */
  static BarometerException inconsistentTotals(String survey, String population, String margin, double total,
                                               String first, double firstTotal, String smaller,
                                               Collection<String> absent, List<String> files) {
    String lead = absent.isEmpty() ? ""
        : String.format(" The register margin %s has no count for classification code(s) %s, which no respondent "
            + "has: a category left out of it would make such a gap.", smaller, absent);
    return weighting("%s: the register margin %s of %s sums to %.1f but %s sums to %.1f (register file(s) %s); "
        + "raking needs margins of one population total.%s Fix the register extract so that every margin counts the "
        + "whole population.", survey, margin, population, total, first, firstTotal, String.join(", ", files), lead);
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

  static BarometerException capBelowCategory(String survey, TrimmedRaking.Shortfall shortfall, double cap) {
    return weighting("%s: trimming and raking cannot both hold: the register total of %s = '%s' is %.6g, but its "
        + "%.0f respondents weigh at most %.6g under the cap %.6g. The cap is too tight for the margins; raise "
        + "trimming.max_ratio_to_median.", survey, shortfall.margin(), shortfall.category(), shortfall.target(),
        shortfall.size(), shortfall.size() * cap, cap);
  }

  /** {@code maxWeight}: the largest replicate weight over its respondent's multiplier. */
  static BarometerException replicateTrimmingNotConverged(String survey, int replicate, int rounds,
                                                          double maxWeight, double cap) {
    return weighting("%s: bootstrap replicate %d: trimming and raking did not settle in %d rounds: the largest "
        + "replicate weight per unit of multiplier is %.6g against the full sample's cap %.6g. Raise "
        + "trimming.max_ratio_to_median, or collapse sparse categories (surveys.%s.collapse in conf/barometer.yaml).",
        survey, replicate, rounds, maxWeight, cap, survey);
  }

  /** {@code shortfall.size()}: the sum of the category's multipliers in the replicate. */
  static BarometerException replicateCapBelowCategory(String survey, int replicate,
                                                      TrimmedRaking.Shortfall shortfall, double cap) {
    return weighting("%s: bootstrap replicate %d: trimming and raking cannot both hold: the draw left %s = '%s' "
        + "with multipliers summing to %.4g, whose weights reach at most %.6g under the full sample's cap %.6g "
        + "(a weight over its multiplier at most the cap), short of its register total %.6g. The cap leaves too "
        + "little room above the weights of this category; raise trimming.max_ratio_to_median, or collapse the "
        + "category into a neighbour (surveys.%s.collapse in conf/barometer.yaml).", survey, replicate,
        shortfall.margin(), shortfall.category(), shortfall.size(), shortfall.size() * cap, cap, shortfall.target(),
        survey);
  }
}
