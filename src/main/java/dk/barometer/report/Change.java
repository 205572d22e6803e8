package dk.barometer.report;

/**
 * One row of {@code v_trends}: the change of an estimate from {@code previousWave} to {@code wave} in percentage
 * points with its standard error, the two-sided z-test's p-value, that p adjusted by Benjamini-Hochberg over the
 * survey's changes between the same waves, whether the adjusted p is below 5 % (the significance the report marks)
 * and whether the question was reworded.
 */
record Change(String survey, String indicatorId, String domain, String domainValue, String category,
              int previousWave, int wave, double changePoints, double seChangePoints, Double pValue,
              Double pAdjusted, boolean significantAdjusted, boolean seriesBreak) {

  boolean of(Estimate estimate) {
    return wave == estimate.wave() && survey.equals(estimate.survey()) && indicatorId.equals(estimate.indicatorId())
        && domain.equals(estimate.domain()) && domainValue.equals(estimate.domainValue())
        && category.equals(estimate.category());
  }
}
