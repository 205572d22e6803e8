package dk.barometer.runtime;

import dk.barometer.config.ExecutionSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * How Spark evaluates the expressions of one run or of one command's queries, chosen by their size
 * ({@link ExecutionSettings}): generated and compiled Java, Spark's default, or interpreted. Interpreted means no whole-stage code generation and Spark's
 * interpreted projections and predicates ({@code spark.sql.codegen.factoryMode = NO_CODEGEN}, the mode Spark's own
 * tests check every expression in): no Janino compiling, and the JVM compiles Spark's interpreter once for every
 * query instead of each query's generated classes. Closing restores the session's settings.
 */
public final class ExpressionEvaluation implements AutoCloseable {
  private static final Map<String, String> INTERPRETED = Map.of(
      "spark.sql.codegen.wholeStage", "false",
      "spark.sql.codegen.factoryMode", "NO_CODEGEN");

  private final RuntimeConfig conf;
  private final boolean interpreted;
  private final Map<String, Option<String>> previous = new LinkedHashMap<>();

  private ExpressionEvaluation(SparkSession spark, boolean interpreted) {
    this.conf = spark.conf();
    this.interpreted = interpreted;
    if (interpreted) {
      INTERPRETED.forEach((key, value) -> {
        previous.put(key, conf.getAll().get(key)); // set in the session, not a default
        conf.set(key, value);
      });
    }
  }

  /** Interpreted for a run of fewer than the configured rows; the session as it is otherwise. */
  public static ExpressionEvaluation forRun(SparkSession spark, ExecutionSettings settings, long responseRows) {
    return new ExpressionEvaluation(spark, settings.interpreted(responseRows));
  }

  /**
   * Interpreted for queries of Delta tables of fewer than the configured bytes in all (Delta's own planning of their
   * scan included); the session as it is otherwise, and when their size is not known.
   */
  public static ExpressionEvaluation forQuery(SparkSession spark, ExecutionSettings settings, OptionalLong bytes) {
    return new ExpressionEvaluation(spark, bytes.isPresent() && settings.queryInterpreted(bytes.getAsLong()));
  }

  public boolean interpreted() {
    return interpreted;
  }

  @Override
  public void close() {
    previous.forEach((key, value) -> {
      if (value.isDefined()) {
        conf.set(key, value.get());
      } else {
        conf.unset(key);
      }
    });
  }
}
