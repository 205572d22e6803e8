package dk.barometer.report;

/**
 * One row of {@code v_pact_barometer} of the report's year in the edition's language: a topic, and one source's
 * figure on it: the pact's count (kind {@code counted}: people or percent, no interval) or the barometer's estimate
 * (kind {@code estimated}: percent with its 95 % interval).
 */
record BesideBarometer(String topic, String topicLabel, int topicOrder, String source, String sourceLabel,
                       String kind, String unit, double value, Double ciLowPct, Double ciHighPct) {
  static final String COUNTED = "counted";
  static final String PEOPLE = "people";

  boolean counted() {
    return kind.equals(COUNTED);
  }
}
