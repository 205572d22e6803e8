package dk.barometer.config;

/** One side of a comparison: a value of a domain of {@code conf/indicators.yaml} ('all' for the total). */
public record ComparisonGroup(String domain, String value) {
  @Override
  public String toString() {
    return domain + "=" + value;
  }
}
