package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

/**
 * Reliability flags by unweighted base: below {@code suppressBelow} an estimate is suppressed in published views,
 * below {@code lowBelow} it is marked low reliability ('u', as Eurostat does). Stored estimates keep the value.
 */
public record ReliabilitySettings(int suppressBelow, int lowBelow) {
  public static final ReliabilitySettings DEFAULT = new ReliabilitySettings(30, 50);

  public ReliabilitySettings {
    checkArgument(suppressBelow >= 0 && lowBelow >= suppressBelow,
        "Invalid reliability thresholds: suppress_below %s, low_below %s (need 0 <= suppress <= low)",
        suppressBelow, lowBelow);
  }

  public String flag(long baseN) {
    return baseN < suppressBelow ? "suppressed" : baseN < lowBelow ? "low" : "ok";
  }
}
