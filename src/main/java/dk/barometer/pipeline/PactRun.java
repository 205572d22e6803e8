package dk.barometer.pipeline;

import static org.apache.spark.sql.functions.lit;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.PactCodebook;
import dk.barometer.ingest.InputChecksums;
import dk.barometer.ingest.InputErrors;
import dk.barometer.ingest.InputLayout;
import dk.barometer.ingest.PactContract;
import dk.barometer.ingest.PactFiles;
import dk.barometer.ingest.PactReader;
import dk.barometer.runtime.StageLog;
import dk.barometer.runtime.StageTiming;
import dk.barometer.validate.PactValidator;
import dk.barometer.validate.RowAccount;
import dk.barometer.validate.ValidatedPact;
import dk.barometer.warehouse.RunLog;
import dk.barometer.warehouse.RunRecord;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import dk.barometer.warehouse.WaveLease;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reporting year of the AI competence pact: read and validate the partners and their upskilling reports,
 * compute the headline figures, and replace the year in the pact's Delta tables. As a wave run: everything is
 * computed (and every row accounted for) before the first write, so a file fault or a lost row leaves the tables as
 * they were; the run is recorded in {@code runs} (its year in the {@code wave} column, the pact's tables in its
 * table versions) with the checksums of its input files; it holds its year's {@link WaveLease}, so it never writes
 * while a wave run of the same year does, and the runs log closes either kind of run left interrupted.
 */
public final class PactRun {
  private static final Logger LOG = LoggerFactory.getLogger(PactRun.class);

  private final SparkSession spark;
  private final BarometerConfig config;
  private final Warehouse warehouse;

  public PactRun(SparkSession spark, BarometerConfig config, Warehouse warehouse) {
    this.spark = spark;
    this.config = config;
    this.warehouse = warehouse;
  }

  /** A finished run: its record and the seconds of its stages, in order. */
  public record Outcome(RunRecord record, List<StageTiming> stages) {
    public Outcome {
      stages = List.copyOf(stages);
    }
  }

  public Outcome run(int year, String input) {
    String runId = UUID.randomUUID().toString();
    InputLayout layout = new InputLayout(input);
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, Long> versions = new LinkedHashMap<>();
    List<String> inputs = new ArrayList<>();
    Map<String, String> checksums = new LinkedHashMap<>();
    RunRecord.Draft draft = new RunRecord.Draft(runId, year, Instant.now(), inputs, checksums, "", counts, versions,
        null);
    RunLog log = new RunLog(spark, warehouse);
    List<Dataset<Row>> cached = new ArrayList<>();
    StageLog stages = StageLog.start(spark.sparkContext(), "pact " + year, 15);
    WaveLease lease = null;
    try {
      Instant startedAt = draft.startedAt();
      lease = stages.timed("lease", () -> WaveLease.take(spark, warehouse, year, runId, startedAt),
          WaveLease::toString);
      for (String interrupted : log.closeInterrupted(year, startedAt)) {
        LOG.warn("run {} started writing and recorded no end; it is now recorded as failed (interrupted)",
            interrupted);
      }
      PactCodebook codebook = PactCodebook.load(config);
      draft = draft.withConfigHash(config.pactFingerprint());
      PactReader reader = new PactReader(spark);
      Map<PactContract, PactFiles> files = new LinkedHashMap<>();
      for (PactContract fileSet : PactContract.values()) {
        String dir = layout.pact(fileSet, year);
        inputs.add(dir);
        files.put(fileSet, stages.timed("read " + fileSet.fileSet(), () -> reader.read(fileSet, year, dir),
            f -> f.files().size() + " file(s), " + f.rowsInFiles() + " rows"));
      }
      ValidatedPact checked = new PactValidator(codebook, config.classifications())
          .validate(files.get(PactContract.PARTNERS), files.get(PactContract.UPSKILLINGS));
      ValidatedPact validated = new ValidatedPact(year, persisted(checked.partners(), cached),
          persisted(checked.upskillings(), cached));
      Dataset<Row> partners = persisted(validated.validPartners().withColumn("run_id", lit(runId)), cached);
      Dataset<Row> upskillings = persisted(validated.validUpskillings().withColumn("run_id", lit(runId)), cached);
      for (PactContract fileSet : PactContract.values()) {
        Dataset<Row> accepted = fileSet == PactContract.PARTNERS ? partners : upskillings;
        stages.timed("validate " + fileSet.fileSet(), () -> account(validated, files.get(fileSet), accepted),
            a -> String.format("%d rows in = %d accepted + %d rejected", a.rowsIn(), a.accepted(), a.rejected()))
            .addTo(counts);
      }
      Dataset<Row> figures = persisted(new PactFigures(codebook).of(year, partners, upskillings)
          .withColumn("run_id", lit(runId)), cached);
      counts.put(Table.PACT_FIGURES.tableName(), stages.timed("figures", figures::count, n -> n + " figure rows"));
      checksums.putAll(stages.timed("checksum inputs", () -> InputChecksums.of(spark, "pact input", inputs),
          c -> c.size() + " file(s)"));

      log.append(draft.started());
      write(stages, Table.PACT_PARTNERS, year, partners, versions);
      write(stages, Table.PACT_UPSKILLINGS, year, upskillings, versions);
      write(stages, Table.PACT_REJECTS, year, validated.rejects().withColumn("run_id", lit(runId)), versions);
      write(stages, Table.PACT_FIGURES, year, figures, versions);
      RunRecord record = draft.succeeded(Instant.now());
      log.append(record);
      return new Outcome(record, stages.timings());
    } catch (Exception e) { // Spark's checked exceptions too; rethrown as they came
      recordFailure(log, draft.failed(Instant.now(), e));
      throw e;
    } finally {
      if (lease != null) {
        stages.timed("release lease", lease::release, released -> released);
      }
      cached.forEach(Dataset::unpersist);
      stages.close();
    }
  }

  /**
   * Where the rows of one file set went, checked: every row of the files is accepted or rejected. A file set of
   * which every row is rejected stops the run.
   */
  private static RowAccount account(ValidatedPact validated, PactFiles files, Dataset<Row> accepted) {
    Row rows = validated.rowCounts(files.contract());
    long rejected = rows.getLong(1);
    if (rows.getLong(0) == rejected) {
      throw InputErrors.noValidRows(files.contract().describe(files.year()), rejected);
    }
    return new RowAccount("pact_" + files.contract().fileSet(), files.rowsInFiles(), accepted.count(), rejected)
        .checked();
  }

  private static Dataset<Row> persisted(Dataset<Row> rows, List<Dataset<Row>> cached) {
    Dataset<Row> persisted = rows.persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(persisted);
    return persisted;
  }

  private void write(StageLog stages, Table table, int year, Dataset<Row> rows, Map<String, Long> versions) {
    long version = stages.timed("write " + table.tableName(), () -> warehouse.replaceYear(table, year, rows),
        v -> "Delta version " + v);
    versions.put(table.tableName(), version);
  }

  private void recordFailure(RunLog log, RunRecord record) {
    try {
      log.append(record);
    } catch (Exception ignored) {
      // The warehouse itself may be what failed; the error that stopped the run is the one to report.
      LOG.warn("could not record the failed run {} in {}: {}", record.runId(), warehouse.path(Table.RUNS),
          ignored.getMessage());
    }
  }
}
