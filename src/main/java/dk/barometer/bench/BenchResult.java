package dk.barometer.bench;

import java.util.List;

/**
 * The measurements of one size: the rows read by the run (both surveys), the seconds to generate the wave and to run
 * it, the driver's peak heap during the run and the stages with their seconds and Spark jobs.
 */
public record BenchResult(long size, long rows, double generateSeconds, double jobSeconds, long peakHeapBytes,
                          List<Stage> stages) {
  /** One pipeline stage (or {@link SparkJobCounter#BETWEEN_STAGES}) with its seconds and the Spark jobs it started. */
  public record Stage(String name, double seconds, int sparkJobs) {}

  public BenchResult {
    stages = List.copyOf(stages);
  }

  public double rowsPerSecond() {
    return rows / jobSeconds;
  }

  public int sparkJobs() {
    return stages.stream().mapToInt(Stage::sparkJobs).sum();
  }
}
