package dk.barometer.config;

/**
 * What the report claims of a comparison, for {@code compare-published} to check: {@code direction} {@code higher}
 * (first above second) or {@code lower}, and/or the {@code ratio} first / second it states ("3 times as often").
 */
public record ComparisonExpectation(String direction, Double ratio) {
  public static final String HIGHER = "higher";
  public static final String LOWER = "lower";
}
