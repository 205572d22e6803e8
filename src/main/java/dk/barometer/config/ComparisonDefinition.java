package dk.barometer.config;

import java.util.List;

/**
 * Two domains of one wave compared on one indicator category ({@code conf/comparisons.yaml}): {@code first} against
 * {@code second} by the {@code measures} asked; {@code claim} is the report's wording and {@code expected} what of
 * it {@code compare-published} checks (both optional).
 * {@code category} may be left out where the indicator has one category (share, any: 'yes').
 */
public record ComparisonDefinition(String id, String survey, String indicator, String category,
                                   ComparisonGroup first, ComparisonGroup second, List<ComparisonMeasure> measures,
                                   String claim, ComparisonExpectation expected) {
  public ComparisonDefinition {
    category = category == null ? IndicatorCategory.YES : category;
    measures = measures == null ? List.of() : List.copyOf(measures);
  }

  public boolean measures(ComparisonMeasure measure) {
    return measures.contains(measure);
  }
}
