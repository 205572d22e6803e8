package dk.barometer.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How an indicator turns answers into shares. */
public enum IndicatorType {
  /** Share of each valid answer code; one output row per code. */
  @JsonProperty("distribution") DISTRIBUTION,
  /** Share of valid answers whose code is among the success codes; one output row, category 'yes'. */
  @JsonProperty("share") SHARE
}
