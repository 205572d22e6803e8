package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.util.List;

/**
 * The estimates of one indicator in a report figure; {@code categories} keeps only those (all when empty), and
 * {@code da}/{@code en} name the series in a legend (null: the indicator's own name).
 */
public record ReportSeries(String survey, String indicator, List<String> categories, String da, String en) {
  public ReportSeries {
    checkArgument(survey != null && indicator != null, "A report series needs a survey and an indicator");
    checkArgument((da == null) == (en == null), "Report series %s/%s needs both da and en names, or neither",
        survey, indicator);
    categories = categories == null ? List.of() : List.copyOf(categories);
  }
}
