package dk.barometer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.testing.DemoWarehouse;
import dk.barometer.testing.QueryZones;
import dk.barometer.testing.TestSpark;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A local {@code sql} evaluates its statements interpreted when the Delta tables they read are smaller than
 * {@code execution.query_interpreted_below_mib}, and compiled otherwise. With the threshold at 1 MiB, on the demo
 * warehouse: the published indicators (under 1 MiB) are read interpreted, the replicate weights (several MiB)
 * compiled. The mode is read off the SQL settings that Spark hands to every job of a statement.
 */
class SqlExpressionEvaluationTest {
  private static final String FACTORY_MODE = "spark.sql.codegen.factoryMode";
  private static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
  private static final long MIB = 1024 * 1024;
  private static Warehouse warehouse;

  @BeforeAll
  static void demoWarehouse() {
    warehouse = DemoWarehouse.withTrends();
    QueryZones.drop();
  }

  @AfterAll
  static void everyTableIsAsItWas() {
    QueryZones.drop();
    DemoWarehouse.assertUnchanged();
  }

  @Test
  void smallTablesAreReadInterpretedAndLargerOnesCompiled() throws TimeoutException {
    assertThat(warehouse.sizeInBytes(Table.INDICATORS).orElseThrow()).isLessThan(MIB);
    assertThat(warehouse.sizeInBytes(Table.REPLICATE_WEIGHTS).orElseThrow()).isGreaterThan(MIB);
    Path conf = TestSpark.copyOfConf("barometer.yaml", "query_interpreted_below_mib: 32",
        "query_interpreted_below_mib: 1");

    assertThat(jobSettings(conf, "analyst", "SELECT count(*) FROM indicators"))
        .isNotEmpty().allSatisfy(job -> assertThat(job).isEqualTo(List.of("NO_CODEGEN", "false")));
    assertThat(jobSettings(conf, "researcher", "SELECT count(*) FROM microdata.replicate_weights"))
        .isNotEmpty().allSatisfy(job -> assertThat(job).isEqualTo(List.of("null", "null")));
  }

  /** The factory mode and whole-stage setting of each Spark job that {@code statement} ran, as {@code role}. */
  private static List<List<String>> jobSettings(Path conf, String role, String statement)
      throws TimeoutException {
    List<List<String>> jobs = new CopyOnWriteArrayList<>();
    SparkListener listener = new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart job) {
        jobs.add(List.of(String.valueOf(job.properties().getProperty(FACTORY_MODE)),
            String.valueOf(job.properties().getProperty(WHOLE_STAGE))));
      }
    };
    SparkContext context = TestSpark.spark().sparkContext();
    context.addSparkListener(listener);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      int exit = Main.run(new String[] {"sql", "--warehouse", warehouse.root(), "--conf", conf.toString(), "--role",
          role, statement}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
      context.listenerBus().waitUntilEmpty();
    } finally {
      context.removeSparkListener(listener);
      QueryZones.drop();
    }
    return jobs;
  }
}
