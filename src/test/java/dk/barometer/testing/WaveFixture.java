package dk.barometer.testing;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.Question;
import dk.barometer.ingest.ResponseContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Tiny input waves written in the input-contract layout: response rows given by hand (classifications and the
 * answers that matter; other questions null) and register counts.
 */
public final class WaveFixture {
  private final SparkSession spark;
  private final BarometerConfig config;
  private final int wave;
  private final Map<String, List<Row>> responses = new HashMap<>();
  private final List<Row> register = new ArrayList<>();

  public WaveFixture(SparkSession spark, BarometerConfig config, int wave) {
    this.spark = spark;
    this.config = config;
    this.wave = wave;
  }

  public ResponseContract contract(String survey) {
    return new ResponseContract(survey, wave, config.codebook(wave), config.classifications(),
        config.settings().survey(survey).stratum());
  }

  /**
   * Adds a respondent. {@code classes} are the survey's classification codes in codebook order (the stratum is the
   * size class); {@code answers} the non-null questions.
   */
  public WaveFixture respondent(String survey, long id, List<String> classes, Map<String, Integer> answers) {
    ResponseContract contract = contract(survey);
    List<Object> values = new ArrayList<>();
    values.add(id);
    values.add(wave);
    values.addAll(classes);
    values.add(classes.get(contract.classificationColumns().indexOf("size_class")));
    for (Question q : contract.questions()) {
      values.add(answers.get(q.id()));
    }
    responses.computeIfAbsent(survey, s -> new ArrayList<>()).add(RowFactory.create(values.toArray()));
    return this;
  }

  public WaveFixture count(String population, String variable, String category, double count) {
    register.add(RowFactory.create(population, variable, category, count, "test fixture"));
    return this;
  }

  public StructType schema(String survey) {
    ResponseContract contract = contract(survey);
    StructType schema = new StructType()
        .add(ResponseContract.RESPONDENT_ID, DataTypes.LongType)
        .add(ResponseContract.WAVE, DataTypes.IntegerType);
    for (String c : contract.classificationColumns()) {
      schema = schema.add(c, DataTypes.StringType);
    }
    schema = schema.add(contract.stratumColumn(), DataTypes.StringType);
    for (Question q : contract.questions()) {
      schema = schema.add(q.id(), DataTypes.IntegerType);
    }
    return schema;
  }

  public Dataset<Row> responses(String survey) {
    return spark.createDataFrame(responses.getOrDefault(survey, List.of()), schema(survey));
  }

  public Dataset<Row> register() {
    StructType schema = new StructType().add("population", DataTypes.StringType)
        .add("variable", DataTypes.StringType).add("category", DataTypes.StringType)
        .add("count", DataTypes.DoubleType).add("source", DataTypes.StringType);
    return spark.createDataFrame(register, schema);
  }

  /** Writes every survey and the register under {@code root}; returns root. */
  public Path write(Path root) {
    for (String survey : config.settings().surveys().keySet()) {
      responses(survey).coalesce(1).write().mode("overwrite")
          .parquet(root.resolve(survey).resolve("wave=" + wave).toString());
    }
    int year = config.settings().wave(wave).registerYear();
    register().coalesce(1).write().mode("overwrite").parquet(root.resolve("register").resolve("year=" + year)
        .toString());
    return root;
  }
}
