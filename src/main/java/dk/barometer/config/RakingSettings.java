package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

/** Convergence control of raking: relative tolerance on the largest margin gap, and the iteration cap. */
public record RakingSettings(double tolerance, int maxIterations) {
  public RakingSettings {
    checkArgument(tolerance > 0 && tolerance < 1, "Invalid raking tolerance: %s (must be in (0, 1))", tolerance);
    checkArgument(maxIterations > 0, "Invalid raking max_iterations: %s (must be > 0)", maxIterations);
  }
}
