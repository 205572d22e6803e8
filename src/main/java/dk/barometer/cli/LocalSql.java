package dk.barometer.cli;

import dk.barometer.query.DatasetResult;
import dk.barometer.query.QueryErrors;
import dk.barometer.query.QueryPrinter;
import java.util.function.BooleanSupplier;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;

/**
 * {@code sql} in a Spark session of this JVM: a statement Spark refuses (an analysis error, or an error of Spark's own
 * condition) is a SQL error. The catalog may hold only the relations that the statements name
 * ({@link NamedRelations}): a statement that finds a relation missing is tried once more after
 * {@code registerRest} has registered the rest, if it did (a name built at run time, as in EXECUTE IMMEDIATE).
 */
record LocalSql(SparkSession spark, BooleanSupplier registerRest) implements SqlSession {
  private static final String NOT_FOUND = "TABLE_OR_VIEW_NOT_FOUND";

  @Override
  public QueryPrinter.Result sql(String statement) {
    try {
      return new DatasetResult(spark.sql(statement));
    } catch (Exception e) { // analysed as it is made: nothing of the statement has run
      if (e instanceof SparkThrowable error && NOT_FOUND.equals(error.getCondition()) && registerRest.getAsBoolean()) {
        return new DatasetResult(spark.sql(statement));
      }
      throw e;
    }
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
