package dk.barometer.report;

/**
 * One bar, or one point of a trend line, as drawn: {@code row} names the bar's row (for a trend, its line),
 * {@code colour} the bar's or line's colour (null: one colour); percentages, base n, 'u' flag, and for a trend the
 * change from the previous wave (null in the first wave or before a trends run); {@code domain} and
 * {@code domainValue} say which group of the population the estimate is of.
 */
record ChartPoint(String row, String colour, String domain, String domainValue, int wave, double pct, Double ciLow,
                  Double ciHigh, long baseN, String flag, Change change) {}
