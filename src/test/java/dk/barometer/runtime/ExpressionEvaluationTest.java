package dk.barometer.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.config.ExecutionSettings;
import dk.barometer.testing.TestSpark;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
import org.junit.jupiter.api.Test;

class ExpressionEvaluationTest {
  private final RuntimeConfig conf = TestSpark.spark().conf();
  private final ExecutionSettings below1000 = new ExecutionSettings(1000);

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
}
