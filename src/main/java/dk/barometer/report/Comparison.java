package dk.barometer.report;

/**
 * One row of {@code v_comparisons} as the text uses it: the two groups' estimates in percent, the difference in
 * points and the ratio where measured (null where not), and whether each is significant after the Benjamini-Hochberg
 * adjustment over the survey's comparisons in the wave.
 */
record Comparison(String id, double firstPct, double secondPct, Double differencePoints,
                  boolean differenceSignificant, Double ratio, boolean ratioSignificant) {

  /** Significant by the difference where it was measured, else by the ratio. */
  boolean significant() {
    return differencePoints != null ? differenceSignificant : ratioSignificant;
  }

  /** The first group above the second. */
  boolean higher() {
    return differencePoints != null ? differencePoints > 0 : ratio != null && ratio > 1;
  }
}
