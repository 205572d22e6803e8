package dk.barometer.publish;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** One row of the {@code runs} table: what a run read, with which configuration and code, and how it ended. */
public record RunRecord(String runId, int wave, String status, Instant startedAt, Instant finishedAt,
                        List<String> inputPaths, String configHash, String codeVersion, Map<String, Long> rowCounts,
                        String message) {
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";

  static final StructType SCHEMA = new StructType()
      .add("run_id", DataTypes.StringType, false)
      .add("wave", DataTypes.IntegerType, false)
      .add("status", DataTypes.StringType, false)
      .add("started_at", DataTypes.TimestampType, false)
      .add("finished_at", DataTypes.TimestampType, false)
      .add("input_paths", DataTypes.createArrayType(DataTypes.StringType), false)
      .add("config_hash", DataTypes.StringType, true)
      .add("code_version", DataTypes.StringType, true)
      .add("row_counts", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false)
      .add("message", DataTypes.StringType, true);

  public RunRecord {
    inputPaths = List.copyOf(inputPaths);
    rowCounts = Map.copyOf(rowCounts);
  }

  public static RunRecord succeeded(String runId, int wave, Instant started, Instant finished, List<String> inputs,
                                    String configHash, Map<String, Long> counts) {
    return new RunRecord(runId, wave, SUCCEEDED, started, finished, inputs, configHash, currentCodeVersion(), counts, null);
  }

  public static RunRecord failed(String runId, int wave, Instant started, Instant finished, List<String> inputs,
                                 String configHash, Map<String, Long> counts, Throwable error) {
    return new RunRecord(runId, wave, FAILED, started, finished, inputs, configHash, currentCodeVersion(), counts,
        String.valueOf(error.getMessage()));
  }

  public Dataset<Row> toRow(SparkSession spark) {
    Row row = RowFactory.create(runId, wave, status, Timestamp.from(startedAt), Timestamp.from(finishedAt),
        new ArrayList<>(inputPaths), configHash, codeVersion, new LinkedHashMap<>(rowCounts), message);
    return spark.createDataFrame(List.of(row), SCHEMA);
  }

  /** The jar's Implementation-Version, or "dev" when run from classes. */
  static String currentCodeVersion() {
    String version = RunRecord.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
