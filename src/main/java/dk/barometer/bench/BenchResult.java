package dk.barometer.bench;

import java.util.List;

/**
 * The measurements of one size: the rows read by the run (both surveys), the seconds to generate the wave and to run
 * it, the driver's peak heap during the run, the stages with their seconds and Spark jobs, whether the run's
 * expressions were interpreted (below {@code execution.interpreted_below_rows}) and the comparison with R when one
 * was asked for and the comparison of the replicate weights' layouts when one was asked for (each null otherwise).
 */
public record BenchResult(long size, long rows, double generateSeconds, double jobSeconds, long peakHeapBytes,
                          List<Stage> stages, boolean interpretedExpressions, RComparison.Result vsR,
                          ReplicateLayouts.Result layouts) {
  /**
   * One pipeline stage (or {@link SparkWorkCounter#BETWEEN_STAGES}) with its seconds, the Spark jobs it started and
   * its input scans (Spark stages reading files or cached data).
   */
  public record Stage(String name, double seconds, int sparkJobs, int inputScans) {}

  public BenchResult {
    stages = List.copyOf(stages);
  }

  public double rowsPerSecond() {
    return rows / jobSeconds;
  }

  public int sparkJobs() {
    return stages.stream().mapToInt(Stage::sparkJobs).sum();
  }

  public int inputScans() {
    return stages.stream().mapToInt(Stage::inputScans).sum();
  }
}
