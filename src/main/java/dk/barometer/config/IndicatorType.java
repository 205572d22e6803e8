package dk.barometer.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How an indicator turns answers into shares. Every type is a ratio sum(w * y) / sum(w * b) over a domain, where
 * b is the respondent's contribution to the base and y to the numerator; see {@code conf/indicators.yaml}.
 */
public enum IndicatorType {
  /** Share of each valid answer code of one question; one output row per code. */
  @JsonProperty("distribution") DISTRIBUTION,
  /** Share of valid answers of one question whose code is a success code; category 'yes'. */
  @JsonProperty("share") SHARE,
  /** A share per question of a list, each on its own valid answers; category = question id. */
  @JsonProperty("items") ITEMS,
  /** At least one question of a list answered with a success code, among those with a valid answer to any. */
  @JsonProperty("any") ANY,
  /** Each question's share of all success answers given over the list (relative weight); category = question id. */
  @JsonProperty("share_of_total") SHARE_OF_TOTAL,
  /**
   * Two Spark SQL conditions over the harmonised responses: b = a valid answer to every question {@code numerator}
   * names and {@code base} holds (if given), y = b and {@code numerator} holds; category 'yes'.
   */
  @JsonProperty("condition") CONDITION;

  public boolean singleQuestion() {
    return this == DISTRIBUTION || this == SHARE;
  }

  /** Whether the indicator takes a list {@code questions} (items, any, share_of_total). */
  public boolean questionList() {
    return this == ITEMS || this == ANY || this == SHARE_OF_TOTAL;
  }
}
