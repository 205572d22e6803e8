package dk.barometer.notebook;

import dk.barometer.config.AccessPolicy;
import dk.barometer.config.AnswerCode;
import dk.barometer.config.BarometerConfig;
import dk.barometer.config.Codebook;
import dk.barometer.config.Question;
import dk.barometer.config.Role;
import dk.barometer.query.QueryCatalog;
import dk.barometer.query.QuerySessions;
import dk.barometer.report.Bar;
import dk.barometer.report.BarChart;
import dk.barometer.runtime.SparkSessions;
import dk.barometer.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What notebook cells start from: the warehouse tables by name in a local Spark session (as {@code jobs/barometer
 * sql} sees them), the configuration, and displays of query results as tables and bar charts.
 *
 * <pre>
 * var barometer = Notebook.open();
 * barometer.table(barometer.sql("SELECT * FROM indicators WHERE indicator_id = 'uses_ai'"));
 * </pre>
 */
public final class Notebook {
  private static final int TABLE_ROWS = 50;

  private final SparkSession spark;
  private final BarometerConfig config;

  private Notebook(SparkSession spark, BarometerConfig config) {
    this.spark = spark;
    this.config = config;
  }

  /** The warehouse and conf/ of jobs/barometer: $BAROMETER_WAREHOUSE and $BAROMETER_CONF, else the installation's. */
  public static Notebook open() {
    Path home = Path.of(System.getProperty("barometer.home", ".")).toAbsolutePath().normalize();
    return open(env("BAROMETER_WAREHOUSE", home.resolve("warehouse").toString()),
        Path.of(env("BAROMETER_CONF", home.resolve("conf").toString())));
  }

  /** The warehouse's zones registered, and a session over them that reads as an analyst (the published zone). */
  public static Notebook open(String warehouseRoot, Path conf) {
    SparkSession base = SparkSessions.builder("barometer notebook").getOrCreate();
    base.sparkContext().setLogLevel("ERROR");
    BarometerConfig config = BarometerConfig.load(conf);
    new QueryCatalog(config).register(base, new Warehouse(base, warehouseRoot));
    return new Notebook(QuerySessions.open(base, AccessPolicy.load(conf), Role.ANALYST), config);
  }

  public SparkSession spark() {
    return spark;
  }

  public BarometerConfig config() {
    return config;
  }

  public Dataset<Row> sql(String query) {
    return spark.sql(query);
  }

  /** Shows the first rows of {@code result} as a table. */
  public void table(Dataset<Row> result) {
    Display.show("text/html", HtmlTable.of(result, TABLE_ROWS));
  }

  /**
   * Shows {@code result} as bars with confidence whiskers, one per row in row order. Its columns: {@code label},
   * {@code estimate} (a share, 0-1), {@code ci_low} and {@code ci_high}, as in the indicators table.
   */
  public void barChart(String title, Dataset<Row> result) {
    List<Bar> bars = result.select("label", "estimate", "ci_low", "ci_high").collectAsList().stream()
        .map(r -> new Bar(r.getString(0), r.getDouble(1), r.isNullAt(2) ? null : r.getDouble(2),
            r.isNullAt(3) ? null : r.getDouble(3)))
        .toList();
    Display.show("image/svg+xml", BarChart.svg(title, bars));
  }

  /**
   * Registers the English texts of wave {@code wave}'s codebook as temporary views to join indicators on:
   * {@code question_labels(survey, question, label)}, the question's text after its stem ("Effect of AI on: Sales"
   * gives "Sales"), and {@code answer_labels(survey, question, code, label)}, with the code as text like the
   * indicators' {@code category}.
   */
  public void registerLabels(int wave) {
    Codebook codebook = config.codebook(wave).harmonised();
    List<Row> questions = new ArrayList<>();
    List<Row> answers = new ArrayList<>();
    for (String survey : config.settings().surveys().keySet()) {
      for (Question question : codebook.survey(survey).questions()) {
        questions.add(RowFactory.create(survey, question.id(), Question.item(question.en())));
        for (AnswerCode answer : codebook.scaleOf(question)) {
          answers.add(RowFactory.create(survey, question.id(), String.valueOf(answer.code()), answer.en()));
        }
      }
    }
    StructType questionSchema = new StructType().add("survey", DataTypes.StringType)
        .add("question", DataTypes.StringType).add("label", DataTypes.StringType);
    spark.createDataFrame(questions, questionSchema).createOrReplaceTempView("question_labels");
    StructType answerSchema = new StructType().add("survey", DataTypes.StringType)
        .add("question", DataTypes.StringType).add("code", DataTypes.StringType).add("label", DataTypes.StringType);
    spark.createDataFrame(answers, answerSchema).createOrReplaceTempView("answer_labels");
  }

  /** Shows a line of text, e.g. a finding or why a comparison cannot be made. */
  public void note(String markdown) {
    Display.show("text/markdown", markdown);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
