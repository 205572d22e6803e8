package dk.barometer.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a comparison states: the difference first - second, the ratio first / second, or both. */
public enum ComparisonMeasure {
  @JsonProperty("difference") DIFFERENCE,
  @JsonProperty("ratio") RATIO
}
