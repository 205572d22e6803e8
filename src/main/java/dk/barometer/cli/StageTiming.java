package dk.barometer.cli;

/** The wall-clock seconds of one pipeline stage of a run ("validate employee", "write indicators", ...). */
public record StageTiming(String stage, double seconds) {
  /** The Spark local property naming the pipeline stage that submits a Spark job (unset between stages). */
  public static final String SPARK_PROPERTY = "barometer.stage";
}
