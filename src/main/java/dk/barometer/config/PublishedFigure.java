package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.util.List;

/**
 * A figure printed in the published report, tied to the indicator row that reproduces it. {@code value} is a
 * point figure, {@code range} a printed range [low, high] (percent); {@code baseN} the base the report states.
 */
public record PublishedFigure(String ref, String text, String survey, String indicator, String domain,
                              String domainValue, String category, Double value, List<Double> range, Integer baseN,
                              String note) {
  public PublishedFigure {
    checkArgument(ref != null && text != null, "A published figure needs a ref and a text");
    checkArgument(survey != null && indicator != null && domain != null, "Published figure %s needs survey, "
        + "indicator and domain", ref);
    checkArgument((value == null) != (range == null), "Published figure %s needs either a value or a range", ref);
    checkArgument(range == null || (range.size() == 2 && range.get(0) <= range.get(1)),
        "Published figure %s: range must be [low, high], not %s", ref, range);
    domainValue = domainValue == null ? "all" : domainValue;
    category = category == null ? "yes" : category;
    range = range == null ? null : List.copyOf(range);
  }

  public double low() {
    return value != null ? value : range.get(0);
  }

  public double high() {
    return value != null ? value : range.get(1);
  }

  public String printed() {
    return value != null ? format(value) : format(range.get(0)) + "-" + format(range.get(1));
  }

  private static String format(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
