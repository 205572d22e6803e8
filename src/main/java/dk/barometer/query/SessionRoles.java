package dk.barometer.query;

import dk.barometer.config.Role;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * STAND-IN for the read-only guard's registry of the role of each session (same name and signatures); the merge
 * replaces this file with the guard's own. A session's role: the one assigned to it, else the one the resolver
 * finds (a Spark Connect session's), else analyst.
 */
public final class SessionRoles {
  private static final Map<SparkSession, Role> ASSIGNED = new WeakHashMap<>();
  private static volatile Function<SparkSession, Optional<Role>> resolver = session -> Optional.empty();

  private SessionRoles() {}

  public static synchronized void assign(SparkSession session, Role role) {
    ASSIGNED.put(session, role);
  }

  public static Role of(SparkSession session) {
    Role assigned;
    synchronized (SessionRoles.class) {
      assigned = ASSIGNED.get(session);
    }
    return assigned != null ? assigned : resolver.apply(session).orElse(Role.ANALYST);
  }

  public static void resolveWith(Function<SparkSession, Optional<Role>> sessionResolver) {
    resolver = sessionResolver;
  }
}
