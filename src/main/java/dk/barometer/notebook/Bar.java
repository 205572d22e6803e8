package dk.barometer.notebook;

/** One bar of a {@link BarChart}: a share (0-1) and its confidence interval; a missing bound draws no whisker. */
public record Bar(String label, double estimate, Double ciLow, Double ciHigh) {
  public Bar {
    if (label == null) {
      label = "";
    }
  }
}
