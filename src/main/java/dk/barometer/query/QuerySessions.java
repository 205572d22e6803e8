package dk.barometer.query;

import dk.barometer.config.AccessPolicy;
import dk.barometer.config.Role;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import scala.Option;
import scala.collection.immutable.Map$;

/**
 * Query sessions: sessions for what analysts, researchers and engineers type, guarded by {@link AccessGuard}.
 *
 * <p>A query session shares its base session's SparkContext and catalog (the warehouse registered by
 * {@link QueryCatalog}), as {@link SparkSession#newSession()} does, but carries the extensions of
 * {@code spark.sql.extensions} (Delta's) plus the guard. Spark fixes a session's extensions when the first session
 * of a SparkContext is built, so the guard is added here rather than through that setting: the base session, and
 * any run in the same JVM, stay unguarded, while the query session and every session made from it
 * ({@code newSession()}, which Spark Connect calls for each client) are guarded.
 */
public final class QuerySessions {
  private QuerySessions() {}

  /** A guarded session over {@code base}'s catalog, for {@code role}. */
  public static SparkSession open(SparkSession base, AccessPolicy policy, Role role) {
    org.apache.spark.sql.classic.SparkSession classic = (org.apache.spark.sql.classic.SparkSession) base;
    SparkSessionExtensions extensions =
        org.apache.spark.sql.classic.SparkSession$.MODULE$.applyAndLoadExtensions(classic.sparkContext());
    new AccessGuard(policy).apply(extensions);
    SparkSession guarded = new org.apache.spark.sql.classic.SparkSession(classic.sparkContext(),
        Option.apply(classic.sharedState()), Option.empty(), extensions, Map$.MODULE$.empty(), Map$.MODULE$.empty());
    SessionRoles.assign(guarded, role);
    return guarded;
  }
}
