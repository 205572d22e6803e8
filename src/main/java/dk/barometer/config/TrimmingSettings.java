package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

/**
 * Optional cap on the final weights: no weight above {@code maxRatioToMedian} times the median weight of the
 * first raking. Trimmed weight is redistributed and the margins re-raked until both the cap and the margins hold.
 */
public record TrimmingSettings(double maxRatioToMedian) {
  public TrimmingSettings {
    checkArgument(maxRatioToMedian > 1, "Invalid trimming max_ratio_to_median: %s (must be > 1)", maxRatioToMedian);
  }
}
