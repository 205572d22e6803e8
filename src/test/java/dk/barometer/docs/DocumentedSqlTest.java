package dk.barometer.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dk.barometer.config.BarometerConfig;
import dk.barometer.query.LabelledViews;
import dk.barometer.testing.DemoWarehouse;
import dk.barometer.testing.TestSpark;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every SQL example of README.md and docs/*.md (see {@link Documents} for what counts as one) runs as written on
 * the demo warehouse, with the tables and labelled views registered as {@code jobs/barometer sql} registers them,
 * and returns at least one row: an example that fails, or shows nothing on the demo data, is a broken example.
 */
class DocumentedSqlTest {
  private static final SparkSession spark = TestSpark.spark();
  private static final List<String> views = new ArrayList<>();

  @BeforeAll
  static void registerTheDemoWarehouse() {
    Warehouse warehouse = DemoWarehouse.withTrends();
    // The catalog is shared by every test class: drop names another test may have registered elsewhere.
    dropTables();
    warehouse.register();
    views.addAll(new LabelledViews(BarometerConfig.load(TestSpark.confDir())).create(spark, warehouse));
  }

  @AfterAll
  static void unregister() {
    views.forEach(view -> spark.sql("DROP VIEW IF EXISTS " + view));
    dropTables();
  }

  private static void dropTables() {
    for (Table table : Table.values()) {
      spark.sql("DROP TABLE IF EXISTS " + table.tableName());
    }
  }

  @TestFactory
  List<DynamicTest> everyDocumentedExampleRunsAndReturnsRows() {
    List<Documents.Example> examples = new ArrayList<>();
    for (Path file : Documents.files()) {
      examples.addAll(Documents.examples(Documents.name(file), Documents.read(file)));
    }
    // Guard against an extraction that silently finds nothing: the README has both kinds of example.
    String readme = Documents.read(Documents.root().resolve("README.md"));
    assertThat(Documents.blocks(readme)).as("```sql blocks in README.md")
        .anyMatch(block -> block.info().equals("sql"));
    assertThat(Documents.shellQueries(readme)).as("jobs/barometer sql \"...\" commands in README.md").isNotEmpty();
    assertThat(examples).as("SQL examples in README.md and docs/").hasSizeGreaterThan(10);

    return examples.stream().map(example -> dynamicTest(example.toString(), () -> {
      List<Row> rows;
      try {
        rows = spark.sql(example.sql()).collectAsList();
      } catch (Exception e) { // Spark's AnalysisException is checked for javac but undeclared
        throw new AssertionError(example.file() + ":" + example.line() + " statement " + example.statement()
            + " fails:\n" + example.sql() + "\n" + e.getMessage(), e);
      }
      assertThat(rows).as("rows of %s:%d statement %d:%n%s", example.file(), example.line(), example.statement(),
          example.sql()).isNotEmpty();
    })).toList();
  }
}
