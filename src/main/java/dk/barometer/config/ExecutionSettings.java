package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

/**
 * How a run executes. Below {@code interpretedBelowRows} response rows (every survey of the wave, as the files'
 * footers count them) Spark evaluates expressions interpreted instead of generating and compiling Java for them:
 * on a few thousand rows the compiling, and the JVM's warming up to the compiled code, cost more than the rows.
 */
public record ExecutionSettings(long interpretedBelowRows) {
  /**
   * As conf/barometer.yaml: with replicate weights, interpreted is the faster at 31k rows and compiled at 101k on
   * 2 cores (docs/performance.md, point 9).
   */
  public static final ExecutionSettings DEFAULT = new ExecutionSettings(60_000);

  public ExecutionSettings {
    checkArgument(interpretedBelowRows >= 0, "execution.interpreted_below_rows must be 0 or more, not %s",
        interpretedBelowRows);
  }

  public boolean interpreted(long responseRows) {
    return responseRows < interpretedBelowRows;
  }
}
