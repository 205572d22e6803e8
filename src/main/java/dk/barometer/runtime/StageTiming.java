package dk.barometer.runtime;

/**
 * One pipeline stage of a run ("validate employee", "write indicators", ...): when it started, in seconds since the
 * run started, and its wall-clock seconds. Stages of different surveys may overlap.
 */
public record StageTiming(String stage, double start, double seconds) {
  /** The Spark local property naming the pipeline stage that submits a Spark job (unset between stages). */
  public static final String SPARK_PROPERTY = "barometer.stage";

  public double end() {
    return start + seconds;
  }
}
