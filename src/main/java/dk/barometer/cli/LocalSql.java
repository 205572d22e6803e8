package dk.barometer.cli;

import dk.barometer.query.DatasetResult;
import dk.barometer.query.QueryErrors;
import dk.barometer.query.QueryPrinter;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;

/**
 * {@code sql} in a Spark session of this JVM: a statement Spark refuses (an analysis error, or an error of Spark's own
 * condition) is a SQL error.
 */
record LocalSql(SparkSession spark) implements SqlSession {

  @Override
  public QueryPrinter.Result sql(String statement) {
    return new DatasetResult(spark.sql(statement));
  }

  @Override
  public RuntimeException failure(Exception failure) {
    if (failure instanceof AnalysisException || failure instanceof SparkThrowable error
        && error.getCondition() != null && !error.getCondition().startsWith(INTERNAL_ERROR)) {
      return QueryErrors.sqlError(failure.getMessage(), failure);
    }
    return failure instanceof RuntimeException unchecked ? unchecked
        : new IllegalStateException("The statement failed: " + failure.getMessage(), failure);
  }
}
