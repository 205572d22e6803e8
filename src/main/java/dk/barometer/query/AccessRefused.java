package dk.barometer.query;

import org.apache.spark.QueryContext;
import org.apache.spark.sql.AnalysisException;
import scala.Option;
import scala.collection.immutable.Map$;

/**
 * A statement the session's role may not run, refused while Spark analyses it, before anything runs. An
 * {@link AnalysisException}, so that {@code sql} reports it as the SQL error it is and Spark Connect clients receive
 * it as one. Built by {@link QueryErrors#accessRefused}.
 */
public final class AccessRefused extends AnalysisException {
  /** How every refusal's message begins. */
  public static final String PREFIX = "Access refused: ";

  /**
   * Whether {@code failure} is a refusal: Spark may rethrow it as a plain AnalysisException with its message, so the
   * message tells.
   */
  public static boolean isRefusal(Throwable failure) {
    return failure instanceof AccessRefused
        || failure instanceof AnalysisException && failure.getMessage().startsWith(PREFIX);
  }

  AccessRefused(String message) {
    super(message, Option.empty(), Option.empty(), Option.empty(), Option.empty(), Map$.MODULE$.empty(),
        new QueryContext[0]);
  }
}
