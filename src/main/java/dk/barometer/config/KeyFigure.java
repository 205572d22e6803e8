package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

/**
 * A figure of the publication's key figures box: an indicator's category of the whole population (default the
 * share, {@code yes}), or with {@code top} its that many largest categories; {@code da}/{@code en} say what it is.
 */
public record KeyFigure(String survey, String indicator, String category, Integer top, String da, String en) {
  public KeyFigure {
    checkArgument(survey != null && indicator != null, "A key figure needs a survey and an indicator");
    checkArgument(da != null && en != null, "Key figure %s/%s needs a Danish (da) and an English (en) text", survey,
        indicator);
    checkArgument(top == null || (top > 0 && category == null), "Key figure %s/%s: top is a positive number of "
        + "categories, and takes no category", survey, indicator);
    category = category == null && top == null ? IndicatorCategory.YES : category;
  }

  public StatementSubject subject() {
    return new StatementSubject(survey, indicator, category, null, null);
  }

  public Label label() {
    return new Label(da, en);
  }
}
