package dk.barometer.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dk.barometer.cli.Main;
import dk.barometer.config.Role;
import dk.barometer.testing.DemoWarehouse;
import dk.barometer.testing.QueryZones;
import dk.barometer.testing.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every SQL example of README.md and docs/*.md (see {@link Documents} for what counts as one) runs as written on
 * the demo warehouse, registered as {@code jobs/barometer sql} registers it, in a session of the role the example
 * names (analyst unless it says {@code --role ...}), and returns at least one row: an example that fails, or shows
 * nothing on the demo data, is a broken example. An example that names a role is refused to the role below it, so
 * that no example claims more trust than it needs. Every {@code jobs/barometer estimate} command of a bash block
 * runs too, through the command's entry, and prints a row.
 */
class DocumentedSqlTest {
  private static final Map<Role, SparkSession> sessions = new EnumMap<>(Role.class);

  @BeforeAll
  static void registerTheDemoWarehouse() {
    QueryZones.register(DemoWarehouse.withTrends());
    for (Role role : Role.values()) {
      sessions.put(role, QueryZones.session(role));
    }
  }

  @AfterAll
  static void unregister() {
    QueryZones.drop();
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
        rows = sessions.get(example.role()).sql(example.sql()).collectAsList();
      } catch (Exception e) { // Spark's AnalysisException is checked for javac but undeclared
        throw new AssertionError(example.file() + ":" + example.line() + " statement " + example.statement()
            + " fails:\n" + example.sql() + "\n" + e.getMessage(), e);
      }
      assertThat(rows).as("rows of %s:%d statement %d:%n%s", example.file(), example.line(), example.statement(),
          example.sql()).isNotEmpty();
      if (example.role() != Role.ANALYST) {
        Role below = Role.values()[example.role().ordinal() - 1];
        assertThatThrownBy(() -> sessions.get(below).sql(example.sql()).collectAsList())
            .as("%s:%d statement %d names --role %s, but %s may run it", example.file(), example.line(),
                example.statement(), example.role().id(), below.id())
            .hasMessageContaining("Access refused");
      }
    })).toList();
  }

  /** Every {@code jobs/barometer estimate} command of a bash block runs as written and prints a row. */
  @TestFactory
  List<DynamicTest> everyDocumentedEstimateRunsAndPrintsRows() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : Documents.files()) {
      for (List<String> command : Documents.estimateCommands(Documents.read(file))) {
        tests.add(dynamicTest(Documents.name(file) + ": " + String.join(" ", command), () -> {
          List<String> argv = new ArrayList<>(command);
          argv.addAll(1, List.of("--warehouse", DemoWarehouse.withTrends().root(), "--conf",
              TestSpark.confDir().toString(), "--format", "csv"));
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          ByteArrayOutputStream err = new ByteArrayOutputStream();
          int exit = Main.run(argv.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8));
          assertThat(exit).as("%s: %s", command, err.toString(StandardCharsets.UTF_8)).isZero();
          assertThat(out.toString(StandardCharsets.UTF_8).lines().count()).as("header and rows of %s", command)
              .isGreaterThan(1);
        }));
      }
    }
    assertThat(tests).as("estimate commands in README.md").isNotEmpty();
    return tests;
  }
}
