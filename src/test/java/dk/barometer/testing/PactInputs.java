package dk.barometer.testing;

import dk.barometer.config.BarometerConfig;
import dk.barometer.demo.PactDemo;
import dk.barometer.ingest.InputLayout;
import dk.barometer.ingest.PactContract;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Input of the pact's partner reports for tests: the demo years (generated once per test run into the shared demo
 * input directory, {@link DemoInputs}) and small hand-made file sets in the contract's schema.
 */
public final class PactInputs {
  public static final StructType PARTNERS = new StructType()
      .add("partner_id", DataTypes.StringType)
      .add("name", DataTypes.StringType)
      .add("kind", DataTypes.StringType)
      .add("industry", DataTypes.StringType)
      .add("size_class", DataTypes.StringType)
      .add("joined_year", DataTypes.IntegerType);
  public static final StructType UPSKILLINGS = new StructType()
      .add("partner_id", DataTypes.StringType)
      .add("year", DataTypes.IntegerType)
      .add("form", DataTypes.StringType)
      .add("target_group", DataTypes.StringType)
      .add("people", DataTypes.DoubleType);

  private PactInputs() {}

  /** The shared demo input directory holding the pact's demo files of {@code years}; tests must not write there. */
  public static synchronized Path demo(int... years) {
    Path dir = DemoInputs.with();
    PactDemo demo = PactDemo.load(BarometerConfig.load(TestSpark.confDir()));
    for (int year : years) {
      if (!PactDemo.generated(dir, year)) {
        demo.write(TestSpark.spark(), dir, year);
      }
    }
    return dir;
  }

  /** A partner row: id, name, kind, industry, size class, joined year. */
  public static Row partner(String id, String name, String kind, String industry, String size, Integer joined) {
    return RowFactory.create(id, name, kind, industry, size, joined);
  }

  /** A report row: partner id, year, form, target group, people. */
  public static Row report(String id, Integer year, String form, String group, Double people) {
    return RowFactory.create(id, year, form, group, people);
  }

  /** Writes {@code rows} as the one Parquet file of {@code fileSet} for {@code year} under {@code root}. */
  public static void write(Path root, PactContract fileSet, int year, StructType schema, Row... rows) {
    String dir = new InputLayout(root.toString()).pact(fileSet, year);
    TestSpark.spark().createDataFrame(Arrays.asList(rows), schema).coalesce(1).write().mode("overwrite")
        .parquet(dir);
  }

  /** {@code rows} in a fresh input directory: partners and reports of {@code year}. */
  public static Path of(int year, List<Row> partners, List<Row> reports) {
    Path root = TestSpark.tempDir("pact-input");
    write(root, PactContract.PARTNERS, year, PARTNERS, partners.toArray(Row[]::new));
    write(root, PactContract.UPSKILLINGS, year, UPSKILLINGS, reports.toArray(Row[]::new));
    return root;
  }
}
