package dk.barometer.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a figure's rows of bars, or its colours, stand for ({@code rows} and {@code colour} of a figure). */
public enum ChartDimension {
  /** The answer or item of the estimate; for a share ('yes') the indicator's name. */
  @JsonProperty("category") CATEGORY,
  /** The breakdown category (size class, sector, maturity step, ...). */
  @JsonProperty("domain_value") DOMAIN_VALUE,
  /** The series of the figure, named by its da/en or its indicator's name. */
  @JsonProperty("series") SERIES
}
