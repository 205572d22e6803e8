package dk.barometer.query;

import dk.barometer.config.Role;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connect.service.SessionHolderInfo;
import org.apache.spark.sql.connect.service.SessionKey;
import org.apache.spark.sql.connect.service.SparkConnectService$;
import org.apache.spark.sql.connect.service.SparkConnectSessionManager;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The role of a Spark Connect session: its user id, which {@link RoleAuthentication} holds equal to the role of
 * the token that opened it. Empty for a session that is not a Connect one (or not one of ours).
 */
public final class ConnectSessionRoles implements Function<SparkSession, Optional<Role>> {
  @Override
  public Optional<Role> apply(SparkSession session) {
    SparkConnectSessionManager sessions = SparkConnectService$.MODULE$.sessionManager();
    for (SessionHolderInfo info : CollectionConverters.asJava(sessions.listActiveSessions())) {
      boolean same = sessions.getIsolatedSessionIfPresent(new SessionKey(info.userId(), info.sessionId()))
          .exists(holder -> holder.session() == session);
      if (same) {
        return Arrays.stream(Role.values()).filter(role -> role.id().equals(info.userId())).findFirst();
      }
    }
    return Optional.empty();
  }
}
