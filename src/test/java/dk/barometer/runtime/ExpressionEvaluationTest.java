package dk.barometer.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.config.ExecutionSettings;
import dk.barometer.testing.TestSpark;
import java.util.List;
import java.util.OptionalLong;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
import org.junit.jupiter.api.Test;

class ExpressionEvaluationTest {
  private final RuntimeConfig conf = TestSpark.spark().conf();
  /** Runs of fewer than 1,000 response rows, queries of tables of less than 1 MiB. */
  private final ExecutionSettings below1000 = new ExecutionSettings(1000L, 1L);

  private static SparkPlan filterPlan() {
    return TestSpark.spark().range(10).where("id % 3 = 1").queryExecution().executedPlan();
  }

  @Test
  void aSmallRunIsInterpretedAndTheSessionRestoredAfter() {
    conf.set("spark.sql.codegen.wholeStage", "true");
    try (ExpressionEvaluation evaluation = ExpressionEvaluation.forRun(TestSpark.spark(), below1000, 999)) {
      assertThat(evaluation.interpreted()).isTrue();
      assertThat(conf.get("spark.sql.codegen.wholeStage")).isEqualTo("false");
      assertThat(conf.get("spark.sql.codegen.factoryMode")).isEqualTo("NO_CODEGEN");
      // Spark plans without whole-stage code generation, and evaluates the filter interpreted.
      assertThat(filterPlan()).isNotInstanceOf(WholeStageCodegenExec.class);
      assertThat(TestSpark.spark().range(10).where("id % 3 = 1").count()).isEqualTo(3);
    } finally {
      assertThat(conf.get("spark.sql.codegen.wholeStage")).isEqualTo("true");
      assertThat(conf.getAll().contains("spark.sql.codegen.factoryMode")).isFalse();
      conf.unset("spark.sql.codegen.wholeStage");
    }
  }

  @Test
  void aRunOfTheThresholdOrMoreLeavesTheSessionAsItIs() {
    try (ExpressionEvaluation evaluation = ExpressionEvaluation.forRun(TestSpark.spark(), below1000, 1000)) {
      assertThat(evaluation.interpreted()).isFalse();
      assertThat(conf.getAll().contains("spark.sql.codegen.factoryMode")).isFalse();
      assertThat(filterPlan()).isInstanceOf(WholeStageCodegenExec.class);
    }
  }

  @Test
  void aQueryOfTablesUnder1MibIsInterpretedAndOfUnknownSizeCompiled() {
    try (ExpressionEvaluation evaluation = ExpressionEvaluation.forQuery(TestSpark.spark(), below1000,
        OptionalLong.of(1024 * 1024 - 1))) {
      assertThat(evaluation.interpreted()).isTrue();
      assertThat(filterPlan()).isNotInstanceOf(WholeStageCodegenExec.class);
    }
    assertThat(conf.getAll().contains("spark.sql.codegen.factoryMode")).isFalse();
    for (OptionalLong bytes : List.of(OptionalLong.of(1024 * 1024), OptionalLong.empty())) {
      try (ExpressionEvaluation evaluation = ExpressionEvaluation.forQuery(TestSpark.spark(), below1000, bytes)) {
        assertThat(evaluation.interpreted()).as("%s", bytes).isFalse();
        assertThat(filterPlan()).isInstanceOf(WholeStageCodegenExec.class);
      }
    }
  }

  @Test
  void eitherThresholdLeftOutOfTheSettingsTakesItsDefault() {
    ExecutionSettings runsOnly = new ExecutionSettings(1000L, null);
    assertThat(runsOnly.queryInterpreted(32L * 1024 * 1024 - 1)).isTrue();
    assertThat(runsOnly.queryInterpreted(32L * 1024 * 1024)).isFalse();
    assertThat(new ExecutionSettings(null, 1L).interpreted(59_999)).isTrue();
    assertThat(new ExecutionSettings(null, 1L).interpreted(60_000)).isFalse();
  }
}
