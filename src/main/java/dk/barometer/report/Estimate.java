package dk.barometer.report;

/**
 * One row of the labelled view {@code v_indicators} as the report uses it: a published (not suppressed) estimate
 * in percent with its 95 % interval, its unweighted base n, the 'u' flag, and the labels (in the edition's
 * language) and conf/ order of its domain value and category.
 */
record Estimate(int wave, String survey, String indicatorId, String indicator, String domain, String domainValue,
                String domainValueLabel, int domainValueOrder, String category, String categoryLabel,
                int categoryOrder, double pct, Double ciLowPct, Double ciHighPct, long baseN, String flag) {}
