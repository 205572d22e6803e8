package dk.barometer.warehouse;

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

/**
 * One row of the {@code runs} table: what a run read (files and their SHA-256), with which configuration, code and
 * pseudonym key (its fingerprint, never the key), its row counts, the Delta version it wrote to each table, and its
 * status. A run appends a {@code started} row before its first write and a {@code succeeded} or {@code failed} row
 * at the end; a run that fails before writing appends only the {@code failed} row. See {@link RunLog}.
 */
public record RunRecord(String runId, int wave, String status, Instant startedAt, Instant finishedAt,
                        List<String> inputPaths, Map<String, String> inputChecksums, String configHash,
                        String codeVersion, Map<String, Long> rowCounts, Map<String, Long> tableVersions,
                        String message, String pseudonymKeyFingerprint) {
  public static final String STARTED = "started";
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";

  static final StructType SCHEMA = new StructType()
      .add("run_id", DataTypes.StringType, false)
      .add("wave", DataTypes.IntegerType, false)
      .add("status", DataTypes.StringType, false)
      .add("started_at", DataTypes.TimestampType, false)
      .add("finished_at", DataTypes.TimestampType, true)
      .add("input_paths", DataTypes.createArrayType(DataTypes.StringType), false)
      .add("config_hash", DataTypes.StringType, true)
      .add("code_version", DataTypes.StringType, true)
      .add("row_counts", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false)
      .add("message", DataTypes.StringType, true)
      .add("input_checksums", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), false)
      .add("table_versions", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false)
      .add("pseudonym_key_fingerprint", DataTypes.StringType, true);

  public RunRecord {
    inputPaths = List.copyOf(inputPaths);
    inputChecksums = Map.copyOf(inputChecksums);
    rowCounts = Map.copyOf(rowCounts);
    tableVersions = Map.copyOf(tableVersions);
  }

  /**
   * What a run knows about itself while it runs. The collections are the run's own, filled as it goes;
   * {@link #started()}, {@link #succeeded} and {@link #failed} copy them into an immutable record.
   */
  public record Draft(String runId, int wave, Instant startedAt, List<String> inputPaths,
                      Map<String, String> inputChecksums, String configHash, Map<String, Long> rowCounts,
                      Map<String, Long> tableVersions, String pseudonymKeyFingerprint) {
    public Draft withConfigHash(String hash) {
      return new Draft(runId, wave, startedAt, inputPaths, inputChecksums, hash, rowCounts, tableVersions,
          pseudonymKeyFingerprint);
    }

    public RunRecord started() {
      return new RunRecord(runId, wave, STARTED, startedAt, null, inputPaths, inputChecksums, configHash,
          currentCodeVersion(), rowCounts, tableVersions, null, pseudonymKeyFingerprint);
    }

    public RunRecord succeeded(Instant finished) {
      return new RunRecord(runId, wave, SUCCEEDED, startedAt, finished, inputPaths, inputChecksums, configHash,
          currentCodeVersion(), rowCounts, tableVersions, null, pseudonymKeyFingerprint);
    }

    public RunRecord failed(Instant finished, Throwable error) {
      return new RunRecord(runId, wave, FAILED, startedAt, finished, inputPaths, inputChecksums, configHash,
          currentCodeVersion(), rowCounts, tableVersions, String.valueOf(error.getMessage()),
          pseudonymKeyFingerprint);
    }
  }

  public Dataset<Row> toRow(SparkSession spark) {
    Row row = RowFactory.create(runId, wave, status, Timestamp.from(startedAt),
        finishedAt == null ? null : Timestamp.from(finishedAt), new ArrayList<>(inputPaths), configHash,
        codeVersion, new LinkedHashMap<>(rowCounts), message, new LinkedHashMap<>(inputChecksums),
        new LinkedHashMap<>(tableVersions), pseudonymKeyFingerprint);
    return spark.createDataFrame(List.of(row), SCHEMA);
  }

  /** The jar's Implementation-Version, or "dev" when run from classes. */
  static String currentCodeVersion() {
    String version = RunRecord.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
