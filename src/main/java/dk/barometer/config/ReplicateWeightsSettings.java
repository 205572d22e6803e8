package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

/**
 * Bootstrap replicate weights of a run: {@code replicates} replicates (0: none written), drawn from {@code seed},
 * so that the same responses and settings give the same replicate weights.
 */
public record ReplicateWeightsSettings(int replicates, long seed) {
  /** Without the key in conf/barometer.yaml a run writes no replicate weights. */
  public static final ReplicateWeightsSettings NONE = new ReplicateWeightsSettings(0, 0);

  public ReplicateWeightsSettings {
    checkArgument(replicates == 0 || replicates >= 2,
        "replicate_weights.replicates is %s: the bootstrap variance divides by replicates - 1, so it must be 2 or "
            + "more (200 gives a standard error within about 5 %% of its value), or 0 for no replicate weights",
        replicates);
  }

  public boolean enabled() {
    return replicates > 0;
  }
}
