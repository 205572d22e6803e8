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
import dk.barometer.runtime.StageTiming;
import dk.barometer.validate.PactValidator;
import dk.barometer.validate.RowAccount;
import dk.barometer.validate.ValidatedPact;
import dk.barometer.warehouse.RunRecord;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One reporting year of the AI competence pact: read and validate the partners and their upskilling reports,
 * compute the headline figures, and replace the year in the pact's Delta tables. As a wave run: everything is
 * computed (and every row accounted for) before the first write, so a file fault or a lost row leaves the tables as
 * they were; the run is recorded in {@code runs} (its year in the {@code wave} column, the pact's tables in its
 * table versions) with the checksums of its input files; it holds its year's lease ({@link RecordedRun}), so it
 * never writes while a wave run of the same year does, and the runs log closes either kind of run left interrupted.
 */
public final class PactRun {
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
    return RecordedRun.recording(spark, warehouse, year, "pact " + year, null, run -> run(run, year, input));
  }

  private Outcome run(RecordedRun run, int year, String input) {
    InputLayout layout = new InputLayout(input);
    PactCodebook codebook = PactCodebook.load(config);
    run.configHash(config.pactFingerprint());
    PactReader reader = new PactReader(spark);
    Map<PactContract, PactFiles> files = new LinkedHashMap<>();
    for (PactContract fileSet : PactContract.values()) {
      String dir = layout.pact(fileSet, year);
      run.inputs().add(dir);
      files.put(fileSet, run.timed("read " + fileSet.fileSet(), () -> reader.read(fileSet, year, dir),
          f -> f.files().size() + " file(s), " + f.rowsInFiles() + " rows"));
    }
    ValidatedPact checked = new PactValidator(codebook, config.classifications())
        .validate(files.get(PactContract.PARTNERS), files.get(PactContract.UPSKILLINGS));
    ValidatedPact validated = new ValidatedPact(year, run.persisted(checked.partners()),
        run.persisted(checked.upskillings()));
    Dataset<Row> partners = run.persisted(validated.validPartners().withColumn("run_id", lit(run.runId())));
    Dataset<Row> upskillings = run.persisted(validated.validUpskillings().withColumn("run_id", lit(run.runId())));
    for (PactContract fileSet : PactContract.values()) {
      Dataset<Row> accepted = fileSet == PactContract.PARTNERS ? partners : upskillings;
      run.timed("validate " + fileSet.fileSet(), () -> account(validated, files.get(fileSet), accepted),
          a -> String.format("%d rows in = %d accepted + %d rejected", a.rowsIn(), a.accepted(), a.rejected()))
          .addTo(run.counts());
    }
    Dataset<Row> figures = run.persisted(new PactFigures(codebook).of(year, partners, upskillings)
        .withColumn("run_id", lit(run.runId())));
    run.counts().put(Table.PACT_FIGURES.tableName(), run.timed("figures", figures::count,
        n -> n + " figure rows"));
    run.checksums().putAll(run.timed("checksum inputs", () -> InputChecksums.of(spark, "pact input",
        run.inputs()), c -> c.size() + " file(s)"));

    run.started();
    write(run, Table.PACT_PARTNERS, year, partners);
    write(run, Table.PACT_UPSKILLINGS, year, upskillings);
    write(run, Table.PACT_REJECTS, year, validated.rejects().withColumn("run_id", lit(run.runId())));
    write(run, Table.PACT_FIGURES, year, figures);
    return new Outcome(run.succeeded(), run.timings());
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

  private void write(RecordedRun run, Table table, int year, Dataset<Row> rows) {
    run.write(table, () -> warehouse.replaceYear(table, year, rows));
  }
}
