package dk.barometer.pipeline;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.Codebook;
import dk.barometer.config.PseudonymKey;
import dk.barometer.config.ReplicateWeightsSettings;
import dk.barometer.ingest.Harmonisation;
import dk.barometer.ingest.InputChecksums;
import dk.barometer.ingest.InputErrors;
import dk.barometer.ingest.InputLayout;
import dk.barometer.ingest.InputRows;
import dk.barometer.ingest.RawResponses;
import dk.barometer.ingest.RegisterMargins;
import dk.barometer.ingest.RegisterReader;
import dk.barometer.ingest.ResponseContract;
import dk.barometer.ingest.ResponseReader;
import dk.barometer.runtime.ExpressionEvaluation;
import dk.barometer.runtime.StageTiming;
import dk.barometer.validate.ResponseValidator;
import dk.barometer.validate.RowAccount;
import dk.barometer.validate.ValidatedResponses;
import dk.barometer.warehouse.RunRecord;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import dk.barometer.weighting.DesignWeights;
import dk.barometer.weighting.ReplicateWeighting;
import dk.barometer.weighting.SurveyWeighting;
import dk.barometer.weighting.WeightedSample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One yearly run of a wave: read and validate both surveys, weight them, estimate every indicator and comparison of
 * two domains, and replace the wave in the Delta tables. Everything is computed (and every row accounted for) before the first write, so input
 * and weighting faults leave the tables as they were. The run is recorded in {@code runs}: a {@code started} row
 * before the first write, then {@code succeeded} with the Delta version written to each table, or {@code failed}
 * with the error (see {@link dk.barometer.warehouse.RunLog} for a run killed in between). Each table's write is one Delta commit; there is
 * no transaction across tables, so after a kill some tables may hold this run's rows (their run_id says so). The run
 * holds its wave's lease throughout ({@link RecordedRun}), so no other run writes the wave meanwhile.
 */
public final class WaveRun {
  private static final Logger LOG = LoggerFactory.getLogger(WaveRun.class);

  private final SparkSession spark;
  private final BarometerConfig config;
  private final Warehouse warehouse;
  private final PseudonymKey pseudonymKey;

  /** @param pseudonymKey the key of the microdata tables' respondent pseudonyms ({@link RespondentPseudonyms}) */
  public WaveRun(SparkSession spark, BarometerConfig config, Warehouse warehouse, PseudonymKey pseudonymKey) {
    this.spark = spark;
    this.config = config;
    this.warehouse = warehouse;
    this.pseudonymKey = pseudonymKey;
  }

  /**
   * A finished run: its record, the survey samples it weighted, the seconds of its stages, in order, and whether
   * Spark interpreted its expressions ({@link ExpressionEvaluation}).
   */
  public record Outcome(RunRecord record, Map<String, WeightedSample> samples, List<StageTiming> stages,
                        boolean interpretedExpressions) {
    public Outcome {
      stages = List.copyOf(stages);
    }
  }

  public Outcome run(int wave, String input) {
    InputLayout layout = new InputLayout(input);
    long responseRows = InputRows.of(spark, config.settings().surveys().keySet().stream()
        .map(survey -> layout.responses(survey, wave)).toList());
    ExpressionEvaluation evaluation = ExpressionEvaluation.forRun(spark, config.settings().execution(), responseRows);
    LOG.info("{} response rows in the files: expressions {}", responseRows,
        evaluation.interpreted() ? "interpreted" : "compiled");
    try {
      return RecordedRun.recording(spark, warehouse, wave, "wave " + wave, pseudonymKey.fingerprint(),
          run -> run(run, wave, layout, evaluation.interpreted()));
    } finally {
      evaluation.close();
    }
  }

  private Outcome run(RecordedRun run, int wave, InputLayout layout, boolean interpreted) {
    String runId = run.runId();
    RespondentPseudonyms pseudonyms = new RespondentPseudonyms(pseudonymKey);
    Codebook codebook = config.codebook(wave);
    run.configHash(config.fingerprint(wave));
    int registerYear = config.settings().wave(wave).registerYear();
    run.inputs().add(layout.register(registerYear));
    RegisterMargins register = run.timed("register", () -> new RegisterReader(spark)
        .read(layout.register(registerYear), registerYear), r -> "margins of " + registerYear);

    List<String> surveys = List.copyOf(config.settings().surveys().keySet());
    surveys.forEach(survey -> run.inputs().add(layout.responses(survey, wave)));
    List<SurveyPart> parts = inParallel(runId, surveys, survey -> survey(run, survey, wave,
        layout.responses(survey, wave), codebook, register));
    Map<String, WeightedSample> samples = new LinkedHashMap<>();
    List<Dataset<Row>> perSurvey = new ArrayList<>();
    for (SurveyPart part : parts) {
      samples.put(part.sample().survey(), part.sample());
      part.account().addTo(run.counts());
      part.indicators().ifPresent(perSurvey::add);
    }
    Dataset<Row> comparisons = union(parts.stream().map(SurveyPart::comparisons).toList())
        .withColumn("run_id", lit(runId));
    run.checksums().putAll(run.timed("checksum inputs", () -> InputChecksums.of(spark, "input", run.inputs()),
        c -> c.size() + " file(s)"));

    Dataset<Row> indicators = union(perSurvey).withColumn("run_id", lit(runId));
    Dataset<Row> weights = union(samples.values().stream().map(s -> pseudonyms.add(weightsOf(s, runId),
        s.survey(), col(ResponseContract.RESPONDENT_ID))).toList());
    Dataset<Row> replicateWeights = union(parts.stream().map(p -> pseudonyms.add(
        replicateWeightsOf(p.sample(), p.replicateWeights(), runId), p.sample().survey(),
        col(ResponseContract.RESPONDENT_ID))).toList());
    // A reject shows the id as delivered: its pseudonym is that of the id it reads as, none where it reads as none.
    Dataset<Row> rejects = union(parts.stream().map(p -> pseudonyms.add(p.rejects(), p.contract().survey(),
        ResponseValidator.respondentId(col(ResponseContract.RESPONDENT_ID))).withColumn("run_id", lit(runId)))
        .toList());
    // Compute the indicators before the first write, so an estimation failure leaves every table untouched.
    Dataset<Row> estimates = run.persisted(indicators);
    run.counts().put("indicators", run.timed("estimate", estimates::count, n -> n + " indicator rows"));

    run.started();
    // The responses as harmonised, the rows that were weighted: their weights go to the weights table.
    for (SurveyPart part : parts) {
      String survey = part.contract().survey();
      write(run, Table.responses(survey), wave, pseudonyms.add(part.harmonised(), survey,
          col(ResponseContract.RESPONDENT_ID)).withColumn("run_id", lit(runId)),
          part.contract().respondentColumns());
    }
    write(run, Table.WEIGHTS, wave, weights);
    write(run, Table.REPLICATE_WEIGHTS, wave, replicateWeights);
    write(run, Table.WEIGHT_DIAGNOSTICS, wave, DiagnosticsTable.rows(spark, wave, runId,
        samples.values().stream().map(WeightedSample::diagnostics).toList()));
    write(run, Table.REJECTS, wave, rejects);
    write(run, Table.INDICATORS, wave, estimates);
    write(run, Table.COMPARISONS, wave, comparisons);
    return new Outcome(run.succeeded(), samples, run.timings(), interpreted);
  }

  /**
   * One survey's part of the run, everything before the writes: its validated and harmonised responses, its weighted
   * sample and its rows with their replicate weights (none when the settings draw none), where its rows went, its
   * indicators with their uncertainty (empty when it has none) and its comparisons of two domains, computed (a few
   * rows).
   */
  private record SurveyPart(ResponseContract contract, ValidatedResponses validated, Dataset<Row> harmonised,
                            WeightedSample sample, Dataset<Row> replicateWeights, RowAccount account,
                            Optional<Dataset<Row>> indicators, Dataset<Row> comparisons) {
    /** The rejects; none without a scan of the rows when validation counted none. */
    Dataset<Row> rejects() {
      return account.rejected() == 0 ? validated.rejects().limit(0) : validated.rejects();
    }
  }

  private SurveyPart survey(RecordedRun run, String survey, int wave, String dir, Codebook codebook,
                            RegisterMargins register) {
    ResponseContract contract = new ResponseContract(survey, wave, codebook, config.classifications(),
        config.settings().survey(survey).stratum());
    Checked checked = run.timed("validate " + survey, () -> validate(run, contract, dir),
        c -> String.format("%d rows in %d file(s), %d rejected", c.rowsIn(), c.files(), c.rejected()));
    Dataset<Row> concepts = new Harmonisation(codebook).apply(survey, checked.responses().valid());
    SurveyEstimation estimation = SurveyEstimation.of(config, wave, survey);
    WeightedSample sample = run.timed("weight " + survey, () -> estimation.weigh(concepts, register),
        w -> w.diagnostics().summary());
    // Every row read is accepted (weighted, written) or rejected: checked before anything is written.
    RowAccount account = new RowAccount(survey, checked.rowsIn(), sample.rows().count(), checked.rejected())
        .checked();
    LOG.info("rows {}: {} in = {} accepted + {} rejected", survey, account.rowsIn(), account.accepted(),
        account.rejected());
    Optional<Dataset<Row>> replicateRows = replicateWeights(run, estimation, sample, register);
    // The replicate estimates are computed here, so that the bootstrap's cost is a stage of its own.
    Optional<Dataset<Row>> replicateSums = replicateRows.map(rows -> run.timed("bootstrap " + survey, () -> {
      Dataset<Row> sums = run.persisted(estimation.replicateSums(rows));
      sums.count();
      return sums;
    }, s -> "every estimate under every replicate weight"));
    Optional<Dataset<Row>> indicators = run.timed("variance " + survey, () -> estimation.indicators(sample,
        run::persisted).map(i -> estimation.withBootstrap(i, replicateSums)),
        v -> v.isPresent() ? "standard errors planned" : "no indicators");
    Dataset<Row> comparisons = run.timed("compare " + survey, () -> estimation.comparisons(sample),
        c -> "comparisons of two domains computed");
    // No rows when the settings draw no replicates, so that the wave's rows of a run that drew some are replaced.
    Dataset<Row> replicateWeights = replicateRows.orElseGet(() -> sample.rows().limit(0)
        .withColumn(ReplicateWeighting.REPLICATE_WEIGHTS, array().cast("array<double>")));
    return new SurveyPart(contract, checked.responses(), concepts, sample, replicateWeights, account, indicators,
        comparisons);
  }

  /**
   * The sample's rows with {@link ReplicateWeighting#REPLICATE_WEIGHTS}, calibrated here (before any write); empty
   * when the settings draw no replicates.
   */
  private Optional<Dataset<Row>> replicateWeights(RecordedRun run, SurveyEstimation estimation,
                                                  WeightedSample sample, RegisterMargins register) {
    ReplicateWeightsSettings replicates = config.settings().replicateWeights();
    if (!replicates.enabled()) {
      return Optional.empty();
    }
    return Optional.of(run.timed("replicate weights " + sample.survey(), () -> estimation.replicateWeights(
        sample, register, replicates, run::persisted),
        r -> replicates.replicates() + " replicates calibrated"));
  }

  /**
   * {@code part} of every survey, the surveys side by side: a small survey's stages are mostly planning on the
   * driver, which runs while a large one's tasks keep the executors busy. Results come in the order of
   * {@code surveys}. The first failure cancels the other surveys' Spark jobs, running and yet to come (the run's job
   * group, a new one per run), and is rethrown once they have stopped, so nothing of the run is still running when
   * it reports the failure.
   */
  private <T> List<T> inParallel(String runId, List<String> surveys, Function<String, T> part) {
    ExecutorService pool = Executors.newFixedThreadPool(surveys.size(), r -> {
      Thread t = new Thread(r, "barometer-survey");
      t.setDaemon(true);
      return t;
    });
    try {
      CompletionService<T> done = new ExecutorCompletionService<>(pool);
      Map<Future<T>, Integer> order = new HashMap<>();
      for (int i = 0; i < surveys.size(); i++) {
        String survey = surveys.get(i);
        order.put(done.submit(() -> {
          spark.sparkContext().setJobGroup(runId, "wave run " + runId + ", " + survey, false);
          try {
            return part.apply(survey);
          } finally {
            spark.sparkContext().clearJobGroup();
          }
        }), i);
      }
      List<T> results = new ArrayList<>(Collections.nCopies(surveys.size(), null));
      Throwable first = null;
      for (int n = 0; n < surveys.size(); n++) {
        Future<T> next = done.take();
        try {
          results.set(order.get(next), next.get());
        } catch (ExecutionException e) {
          if (first == null) {
            first = e.getCause();
            spark.sparkContext().cancelJobGroupAndFutureJobs(runId);
          }
        }
      }
      if (first instanceof RuntimeException re) {
        throw re;
      }
      if (first instanceof Error error) {
        throw error;
      }
      if (first != null) {
        throw new IllegalStateException(first.getMessage(), first);
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      spark.sparkContext().cancelJobGroupAndFutureJobs(runId);
      throw new IllegalStateException("wave run " + runId + " interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One survey's validated responses with the counts of its rows. */
  private record Checked(ValidatedResponses responses, long rowsIn, long rejected, int files) {}

  /** Validates one survey's files; the frames it persists are the run's until it ends. */
  private Checked validate(RecordedRun run, ResponseContract contract, String dir) {
    RawResponses raw = new ResponseReader(spark, contract).read(dir);
    ResponseValidator validator = new ResponseValidator(contract);
    // The checked rows feed the duplicate check, the row counts, the valid rows and the rejects: read the files once.
    ValidatedResponses rowByRow = validator.validate(raw);
    run.persisted(rowByRow.checked());
    ValidatedResponses validated = validator.withDuplicateIds(rowByRow);
    if (validated != rowByRow) {
      run.persisted(validated.checked());
    }
    long rows = 0;
    long rejected = 0;
    List<Row> perFile = validated.checked().groupBy(col(ResponseReader.FILE_INDEX))
        .agg(count(lit(1)), sum(when(size(col(ValidatedResponses.FAULTS)).gt(0), 1L).otherwise(0L)))
        .collectAsList();
    Map<String, Long> rowsPerFile = new LinkedHashMap<>();
    for (Row r : perFile) {
      rowsPerFile.put(raw.files().get(r.getInt(0)), r.getLong(1));
      rows += r.getLong(1);
      rejected += r.getLong(2);
    }
    for (String file : raw.files()) {
      if (!rowsPerFile.containsKey(file)) {
        throw InputErrors.emptyFile(file);
      }
    }
    if (rows == rejected) {
      throw InputErrors.noValidRows(contract.describe() + " in " + dir, rejected);
    }
    // Rows in are the rows the files hold, as their footers count them: apart from reading and validation, so the
    // row account catches a row lost in either.
    return new Checked(validated, raw.rowsInFiles(), rejected, raw.files().size());
  }

  private void write(RecordedRun run, Table table, int wave, Dataset<Row> rows) {
    write(run, table, wave, rows, List.of());
  }

  private void write(RecordedRun run, Table table, int wave, Dataset<Row> rows, List<String> statsColumns) {
    run.write(table, () -> warehouse.replaceWave(table, wave, rows, statsColumns));
  }

  private static Dataset<Row> union(List<Dataset<Row>> parts) {
    return parts.stream().reduce(Dataset::unionByName).orElseThrow();
  }

  private static Dataset<Row> weightsOf(WeightedSample sample, String runId) {
    return sample.rows().select(lit(sample.wave()).as("wave"), lit(sample.survey()).as("survey"),
        col(ResponseContract.RESPONDENT_ID), col("stratum").as("stratum"), col(DesignWeights.STRATUM_POPULATION),
        col(DesignWeights.DESIGN_WEIGHT), col(SurveyWeighting.RAKE_FACTOR), col(SurveyWeighting.WEIGHT),
        lit(runId).as("run_id"));
  }

  private static Dataset<Row> replicateWeightsOf(WeightedSample sample, Dataset<Row> rows, String runId) {
    return rows.select(lit(sample.wave()).as("wave"), lit(sample.survey()).as("survey"),
        col(ResponseContract.RESPONDENT_ID), col(SurveyWeighting.WEIGHT),
        col(ReplicateWeighting.REPLICATE_WEIGHTS), lit(runId).as("run_id"));
  }
}
