package dk.barometer.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a figure of {@code conf/report.yaml} draws its estimates. */
public enum ChartKind {
  /** Horizontal bars of the report's wave, each with its confidence interval. */
  @JsonProperty("bars") BARS,
  /** A distribution's answers stacked into one bar of 100 % per row, the usual way to show a distribution. */
  @JsonProperty("stacked") STACKED,
  /** Each estimate across the waves up to the report's wave, with the change between waves. */
  @JsonProperty("trend") TREND
}
