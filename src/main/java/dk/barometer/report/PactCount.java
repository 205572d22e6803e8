package dk.barometer.report;

/**
 * One row of {@code pact_figures} of the report's year as the report uses it: a figure ({@code people_upskilled},
 * {@code partners}) by a breakdown value, its count and its share of the figure's total, and the year before's count
 * and share (null when the warehouse has no figures of that year). Counted by the partners: no interval.
 */
record PactCount(int year, String figure, String dimension, String value, long count, double share,
                 Integer previousYear, Long previousCount, Double previousShare) {}
