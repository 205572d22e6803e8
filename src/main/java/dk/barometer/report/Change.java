package dk.barometer.report;

/**
 * One row of {@code v_trends}: the change of an estimate from {@code previousWave} to {@code wave} in percentage
 * points with its standard error, the two-sided z-test's p-value and whether the question was reworded.
 */
record Change(String survey, String indicatorId, String domain, String domainValue, String category,
              int previousWave, int wave, double changePoints, double seChangePoints, Double pValue,
              boolean significant, boolean seriesBreak) {

  boolean of(Estimate estimate) {
    return wave == estimate.wave() && survey.equals(estimate.survey()) && indicatorId.equals(estimate.indicatorId())
        && domain.equals(estimate.domain()) && domainValue.equals(estimate.domainValue())
        && category.equals(estimate.category());
  }
}
