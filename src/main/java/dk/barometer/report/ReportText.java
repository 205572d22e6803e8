package dk.barometer.report;

import java.util.Locale;

/** How the report writes numbers, in the charts, their tooltips and the tables alike. */
final class ReportText {
  static final String UNRELIABLE = "u: usikkert skøn";

  private ReportText() {}

  static String pct(double pct) {
    return String.format(Locale.ROOT, "%.1f", pct);
  }

  static String interval(Double low, Double high) {
    return low == null || high == null ? "" : pct(low) + "-" + pct(high);
  }

  static String reliability(String flag) {
    return flag.equals("u") ? UNRELIABLE : "";
  }

  /** The change in percentage points with its standard error, e.g. "+4.1 (SE 2.0)". */
  static String change(Change change) {
    return String.format(Locale.ROOT, "%+.1f (SE %.1f)", change.changePoints(), change.seChangePoints());
  }

  /** The change's own p-value, unadjusted. */
  static String pValue(Change change) {
    return probability(change.pValue());
  }

  /** The p-value adjusted by Benjamini-Hochberg over the survey's changes between the same two waves. */
  static String pAdjusted(Change change) {
    return probability(change.pAdjusted());
  }

  private static String probability(Double p) {
    return p == null ? "" : String.format(Locale.ROOT, "%.3f", p);
  }

  /**
   * The change as marked beside a trend point: "+4.1*" when significant at 5 % after the Benjamini-Hochberg
   * adjustment, with "brud" when the question was reworded (the change may be the wording).
   */
  static String changeMark(Change change) {
    return String.format(Locale.ROOT, "%+.1f", change.changePoints()) + (change.significantAdjusted() ? "*" : "")
        + (change.seriesBreak() ? " brud" : "");
  }

  /** Whether the change is significant at 5 % after the adjustment, and whether the question was reworded. */
  static String remark(Change change) {
    String significance = (change.significantAdjusted() ? "signifikant" : "ikke signifikant") + " efter justering";
    return change.seriesBreak() ? significance + "; databrud (omformuleret spørgsmål)" : significance;
  }
}
