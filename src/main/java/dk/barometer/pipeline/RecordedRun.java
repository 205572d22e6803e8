package dk.barometer.pipeline;

import dk.barometer.runtime.StageLog;
import dk.barometer.runtime.StageTiming;
import dk.barometer.warehouse.RunLog;
import dk.barometer.warehouse.RunRecord;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import dk.barometer.warehouse.WaveLease;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every run that writes the warehouse does around its own work, a wave's or a pact year's: it takes the year's
 * {@link WaveLease} before anything else (so two runs of a year never write together) and closes the runs of the
 * year left interrupted; it keeps the run's draft record (inputs, checksums, row counts, the Delta version of each
 * write), appends {@code started} before the first write and {@code succeeded} or {@code failed} at the end; and when
 * the work is over, it releases the lease and the frames the run persisted. Not thread-safe, except
 * {@link #persisted}, which parts of a run running side by side may call.
 */
final class RecordedRun {
  private static final Logger LOG = LoggerFactory.getLogger(RecordedRun.class);

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final RunLog log;
  private final StageLog stages;
  private final List<String> inputs = new ArrayList<>();
  private final Map<String, String> checksums = new LinkedHashMap<>();
  private final Map<String, Long> counts = new LinkedHashMap<>();
  private final Map<String, Long> versions = new LinkedHashMap<>();
  private final List<Dataset<Row>> cached = Collections.synchronizedList(new ArrayList<>());
  private RunRecord.Draft draft;

  private RecordedRun(SparkSession spark, Warehouse warehouse, int year, String what,
                      String pseudonymKeyFingerprint) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.log = new RunLog(spark, warehouse);
    this.draft = new RunRecord.Draft(UUID.randomUUID().toString(), year, Instant.now(), inputs, checksums, "",
        counts, versions, pseudonymKeyFingerprint);
    this.stages = StageLog.start(spark.sparkContext(), what, 15);
  }

  /**
   * Runs {@code work} as run {@code what} of {@code year}, recorded: the lease first, the {@code failed} record when
   * {@code work} (or the lease) fails, the error rethrown as it came.
   *
   * @param pseudonymKeyFingerprint the fingerprint of the key of the run's pseudonyms; null for a run without any
   */
  static <T> T recording(SparkSession spark, Warehouse warehouse, int year, String what,
                         String pseudonymKeyFingerprint, Function<RecordedRun, T> work) {
    RecordedRun run = new RecordedRun(spark, warehouse, year, what, pseudonymKeyFingerprint);
    WaveLease lease = null;
    try {
      Instant startedAt = run.draft.startedAt();
      lease = run.stages.timed("lease", () -> WaveLease.take(spark, warehouse, year, run.runId(), startedAt),
          WaveLease::toString);
      for (String interrupted : run.log.closeInterrupted(year, startedAt)) {
        LOG.warn("run {} started writing and recorded no end; it is now recorded as failed (interrupted)",
            interrupted);
      }
      return work.apply(run);
    } catch (Exception e) { // Spark's checked exceptions too; rethrown as they came
      run.recordFailure(run.draft.failed(Instant.now(), e));
      throw e;
    } finally {
      if (lease != null) {
        run.stages.timed("release lease", lease::release, released -> released);
      }
      run.cached.forEach(Dataset::unpersist);
      run.stages.close();
    }
  }

  String runId() {
    return draft.runId();
  }

  /** The run's stage log: each step timed and logged ({@link StageLog#timed}). */
  <T> T timed(String stage, Supplier<T> step, Function<T, String> summary) {
    return stages.timed(stage, step, summary);
  }

  /** The input paths of the run, recorded with it; add each before reading it. */
  List<String> inputs() {
    return inputs;
  }

  /** The checksums of the input files, recorded with the run. */
  Map<String, String> checksums() {
    return checksums;
  }

  /** The row counts recorded with the run: read, accepted and rejected per file set, rows per table. */
  Map<String, Long> counts() {
    return counts;
  }

  void configHash(String hash) {
    draft = draft.withConfigHash(hash);
  }

  /** {@code rows} persisted until the run ends. */
  Dataset<Row> persisted(Dataset<Row> rows) {
    Dataset<Row> persisted = rows.persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(persisted);
    return persisted;
  }

  /** Records that the run is about to write: call once everything is computed, before the first write. */
  void started() {
    log.append(draft.started());
  }

  /** Writes {@code table} by {@code commit}, which returns the Delta version it committed, and records the version. */
  void write(Table table, Supplier<Long> commit) {
    versions.put(table.tableName(), stages.timed("write " + table.tableName(), commit, v -> "Delta version " + v));
  }

  /** Records that the run succeeded, and returns its record. */
  RunRecord succeeded() {
    RunRecord record = draft.succeeded(Instant.now());
    log.append(record);
    return record;
  }

  List<StageTiming> timings() {
    return stages.timings();
  }

  private void recordFailure(RunRecord record) {
    try {
      log.append(record);
    } catch (Exception ignored) {
      // The warehouse itself may be what failed; the error that stopped the run is the one to report.
      LOG.warn("could not record the failed run {} in {}: {}", record.runId(), warehouse.path(Table.RUNS),
          ignored.getMessage());
    }
  }
}
