package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

/**
 * How Spark evaluates expressions: interpreted, or generated and compiled to Java. On little data the compiling,
 * and the JVM's warming up to the compiled code, cost more than the rows. A run below {@code interpretedBelowRows}
 * response rows (every survey of the wave, as the files' footers count them) runs interpreted, and so does a local
 * {@code sql} whose statements read Delta tables of fewer than {@code queryInterpretedBelowMib} MiB in all. Either
 * may be left out of conf/barometer.yaml for its default.
 */
public record ExecutionSettings(Long interpretedBelowRows, Long queryInterpretedBelowMib) {
  /**
   * With replicate weights, a run is faster interpreted at 31k rows and compiled at 101k on 2 cores
   * (docs/performance.md, point 9).
   */
  private static final long RUN_ROWS = 60_000;
  /** A query of the published zone or of a demo wave's microdata is faster interpreted (docs/performance.md). */
  private static final long QUERY_MIB = 32;

  public static final ExecutionSettings DEFAULT = new ExecutionSettings(RUN_ROWS, QUERY_MIB);

  public ExecutionSettings {
    interpretedBelowRows = interpretedBelowRows == null ? RUN_ROWS : interpretedBelowRows;
    queryInterpretedBelowMib = queryInterpretedBelowMib == null ? QUERY_MIB : queryInterpretedBelowMib;
    checkArgument(interpretedBelowRows >= 0, "execution.interpreted_below_rows must be 0 or more, not %s",
        interpretedBelowRows);
    checkArgument(queryInterpretedBelowMib >= 0, "execution.query_interpreted_below_mib must be 0 or more, not %s",
        queryInterpretedBelowMib);
  }

  public boolean interpreted(long responseRows) {
    return responseRows < interpretedBelowRows;
  }

  /** Whether a query reading tables of {@code bytes} in all runs interpreted. */
  public boolean queryInterpreted(long bytes) {
    return bytes < queryInterpretedBelowMib * 1024 * 1024;
  }
}
