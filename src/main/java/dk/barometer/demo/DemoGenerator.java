package dk.barometer.demo;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.Codebook;
import dk.barometer.config.Question;
import dk.barometer.config.SurveyCodebook;
import dk.barometer.config.SurveySettings;
import dk.barometer.config.Yaml;
import dk.barometer.runtime.Causes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The synthetic demo data of one wave, in the project's input contract. The real survey microdata and register
 * extracts are confidential, so the demo draws a synthetic population of firms and of employees whose true shares
 * follow the published figures ({@code conf/demo/<wave>.yaml}), counts register margins from it, and draws each
 * survey's respondents with the real design: strata by size class with large firms oversampled, and non-response by
 * size class and industry. Weighted estimates of the files land near the published figures; unweighted ones do not.
 *
 * <p>Everything is a Spark transformation of {@code spark.range}: every draw is a hash-based uniform of (seed, unit
 * id, draw), so a seed always gives the same rows however the work is partitioned, and large samples (millions of
 * employees) need no driver memory. A request for more respondents than the default population can sensibly give
 * scales the population up (see {@link SampleDraw}).
 *
 * <p>Output under {@code out}: {@code <survey>/wave=<wave>/} per survey and {@code register/year=<year>/}, each a
 * Parquet file set (one file per million rows, at least one), overwritten on each run.
 */
public final class DemoGenerator {
  private static final long ROWS_PER_FILE = 1_000_000;
  private static final String WHOLE_STAGE_CODEGEN = "spark.sql.codegen.wholeStage";

  private final BarometerConfig config;
  private final Codebook codebook;
  private final DemoModel model;
  private final int wave;

  private DemoGenerator(BarometerConfig config, Codebook codebook, DemoModel model, int wave) {
    this.config = config;
    this.codebook = codebook;
    this.model = model;
    this.wave = wave;
  }

  /** The generator of {@code wave}, from {@code demo/<wave>.yaml} in the configuration directory. */
  public static DemoGenerator forWave(BarometerConfig config, int wave) {
    Path file = config.directory().resolve("demo").resolve(wave + ".yaml");
    if (!Files.isRegularFile(file)) {
      throw DemoErrors.noModel(wave, file);
    }
    Codebook codebook = config.codebook(wave);
    DemoModel model = Yaml.read(file, DemoModel.class);
    ModelCheck.check(file, model, config, codebook);
    return new DemoGenerator(config, codebook, model, wave);
  }

  /** The wave's seed from its demo model and the report's respondent counts. */
  public DemoOptions defaults() {
    return DemoOptions.withSeed(model.seed());
  }

  /**
   * Writes both surveys' responses and the register margins of their populations under {@code out}.
   *
   * <p>The answer model is a long chain of wide projections. Fused by whole-stage code generation into one method it
   * outgrows what the JVM compiles (a 64 KB failure, or a method too large to JIT), so this runs with whole-stage
   * codegen off: per-operator code generation splits the expressions into small methods, several times faster here.
   * The session's setting is restored afterwards.
   */
  public GeneratedWave write(SparkSession spark, Path out, DemoOptions options) {
    return withoutWholeStageCodegen(spark, () -> generate(spark, out, options));
  }

  /** Runs {@code work} with whole-stage code generation off (see {@link #write}), then restores the setting. */
  static <T> T withoutWholeStageCodegen(SparkSession spark, Supplier<T> work) {
    String previous = spark.conf().get(WHOLE_STAGE_CODEGEN);
    spark.conf().set(WHOLE_STAGE_CODEGEN, false);
    try {
      return work.get();
    } finally {
      spark.conf().set(WHOLE_STAGE_CODEGEN, previous);
    }
  }

  private GeneratedWave generate(SparkSession spark, Path out, DemoOptions options) {
    Uniforms uniforms = new Uniforms(options.seed());
    int year = config.settings().wave(wave).registerYear();
    RegisterCounts register = registerCounts();
    SurveyOutput employer = writeSurvey(spark, out, GeneratedWave.EMPLOYER, options.employers(), uniforms, register);
    SurveyOutput employee = writeSurvey(spark, out, GeneratedWave.EMPLOYEE, options.employees(), uniforms, register);
    List<Row> margins = new ArrayList<>(employer.margins());
    margins.addAll(employee.margins());
    write(spark.createDataFrame(margins, RegisterCounts.SCHEMA), out.resolve("register").resolve("year=" + year),
        "population", 1);
    return new GeneratedWave(wave, employer.respondents(), employee.respondents(), employer.populationSize(),
        employee.populationSize());
  }

  /** Draws, answers and writes one survey's sample; counts the register margins of the population it came from. */
  private SurveyOutput writeSurvey(SparkSession spark, Path out, String survey, long target, Uniforms uniforms,
                                   RegisterCounts register) {
    SurveyGeneration generation = generation(survey, uniforms);
    SamplePlan plan = generation.draw().plan(target);
    Path dir = out.resolve(survey).resolve("wave=" + wave);
    Dataset<Row> answered = generation.answers().answer(generation.draw().respondents(spark, plan));
    write(contract(survey, answered), dir, "respondent_id", (int) Math.max(1, Math.ceil((double) target
        / ROWS_PER_FILE)));

    List<Row> margins = registerRows(survey, generation, generation.population().units(spark,
        plan.populationSize()), register);
    // Counting the written files reads only their footers.
    return new SurveyOutput(spark.read().parquet(dir.toString()).count(), plan.populationSize(), margins);
  }

  /** The register rows of one survey's population ({@link RegisterCounts#SCHEMA}), counted from its units. */
  List<Row> registerRows(String survey, SurveyGeneration generation, Dataset<Row> units, RegisterCounts register) {
    SurveySettings settings = config.settings().survey(survey);
    String source = String.format("Synthetic demo register (stands in for %s), generated by barometer, seed %d",
        generation.population().model().standsInFor(), generation.population().seed());
    return register.count(settings.population(), units, settings.margins(),
        model.surveys().get(survey).sample().stratum(), source);
  }

  RegisterCounts registerCounts() {
    return new RegisterCounts(config.classifications(), config.settings().wave(wave).registerYear());
  }

  int wave() {
    return wave;
  }

  /** The population, sample draw and answer model of one survey. */
  SurveyGeneration generation(String survey, Uniforms uniforms) {
    return generation(survey, uniforms, uniforms);
  }

  /**
   * As {@link #generation(String, Uniforms)}, with the sample drawn by {@code sampleDraws}: the population and its
   * answers stay those of {@code populationDraws} whatever sample is drawn from it.
   */
  SurveyGeneration generation(String survey, Uniforms populationDraws, Uniforms sampleDraws) {
    SurveyModel surveyModel = model.surveys().get(survey);
    Population population = new Population(surveyModel.population(),
        model.populations().get(surveyModel.population()), populationDraws);
    return new SurveyGeneration(population, new SampleDraw(survey, surveyModel.sample(), population, sampleDraws),
        new Answers(survey, surveyModel, codebook, populationDraws));
  }

  /** The contract's columns, in order: id, wave, classifications, stratum, questions, then {@code extra}. */
  Dataset<Row> contract(String survey, Dataset<Row> answered, Column... extra) {
    SurveyCodebook questionnaire = codebook.survey(survey);
    List<Column> columns = new ArrayList<>();
    columns.add(col(Uniforms.ID).as("respondent_id"));
    columns.add(lit(wave).as("wave"));
    questionnaire.classifications().forEach(c -> columns.add(col(c)));
    columns.add(col(model.surveys().get(survey).sample().stratum()).as(config.settings().survey(survey).stratum()));
    for (Question question : questionnaire.questions()) {
      columns.add(col(question.id()).cast("int"));
    }
    columns.addAll(List.of(extra));
    return answered.select(columns.toArray(Column[]::new));
  }

  /** Overwrites {@code dir} with {@code files} Parquet files, rows hashed to files and sorted by {@code order}. */
  static void write(Dataset<Row> rows, Path dir, String order, int files) {
    try {
      rows.repartition(files, col(order)).sortWithinPartitions(order).write().mode(SaveMode.Overwrite)
          .parquet(dir.toString());
    } catch (Exception e) { // Spark's checked exceptions too, undeclared
      // Spark computes the rows as it writes them: only an IOException in the cause chain is the file system's.
      throw Causes.innermost(e, IOException.class).<RuntimeException>map(fault -> DemoErrors.unwritable(dir, fault, e))
          .orElseGet(() -> DemoErrors.generationFailed(dir, e));
    }
  }

  /** What generating one survey takes. */
  record SurveyGeneration(Population population, SampleDraw draw, Answers answers) {}

  private record SurveyOutput(long respondents, long populationSize, List<Row> margins) {}
}
