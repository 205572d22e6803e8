package dk.barometer.report;

/**
 * One bar of a {@link BarChart}: a share (0-1) and its confidence interval; a missing bound draws no whisker.
 * {@code series} colours the bar (null: a single series), {@code baseN} is printed beside it (null: not shown) and
 * {@code flag} 'u' marks a low-reliability estimate (drawn pale, the 'u' printed after the value).
 */
public record Bar(String label, String series, double estimate, Double ciLow, Double ciHigh, Long baseN,
                  String flag) {
  public Bar {
    if (label == null) {
      label = "";
    }
    if (flag == null) {
      flag = "";
    }
  }

  public Bar(String label, double estimate, Double ciLow, Double ciHigh) {
    this(label, null, estimate, ciLow, ciHigh, null, "");
  }

  public boolean unreliable() {
    return flag.equals("u");
  }
}
