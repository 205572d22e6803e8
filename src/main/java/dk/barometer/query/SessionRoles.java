package dk.barometer.query;

import dk.barometer.config.Role;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * The role of each query session, for {@link AccessGuard}. A session's role is the one assigned to it, else the one
 * the resolver finds (the endpoint's, for the sessions Spark Connect makes per client), else {@link Role#ANALYST}:
 * a guarded session nobody vouched for reads the published zone only. Sessions are held weakly, since they come and
 * go with their clients.
 */
public final class SessionRoles {
  private static final Map<SparkSession, Role> ASSIGNED = Collections.synchronizedMap(new WeakHashMap<>());
  private static volatile Function<SparkSession, Optional<Role>> resolver = session -> Optional.empty();

  private SessionRoles() {}

  public static void assign(SparkSession session, Role role) {
    ASSIGNED.put(session, role);
  }

  /** The role of {@code session}: assigned, else resolved, else analyst. */
  public static Role of(SparkSession session) {
    Role assigned = ASSIGNED.get(session);
    return assigned != null ? assigned : resolver.apply(session).orElse(Role.ANALYST);
  }

  /** Finds the role of a session that was not assigned one, e.g. from the Spark Connect client's user id. */
  public static void resolveWith(Function<SparkSession, Optional<Role>> roleOfSession) {
    resolver = roleOfSession;
  }
}
