package dk.barometer.cli;

import dk.barometer.BarometerException;
import dk.barometer.config.AccessPolicy;
import dk.barometer.config.Role;
import dk.barometer.config.TokenSource;
import dk.barometer.query.ConnectEndpoint;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.sparkproject.connect.grpc.StatusRuntimeException;

/**
 * {@code sql} through a running endpoint ({@code jobs/barometer serve}), in the light JVM of {@link EndpointClient}:
 * a statement costs a small JVM's start and the query. It connects as the role of {@code --role} (default analyst)
 * with that role's token; when the token is not set, or the endpoint serves another warehouse, it exits with
 * {@link EndpointClient#RUN_LOCALLY} before reading any statement, and jobs/barometer runs {@code sql} in a Spark of
 * its own. Its statements run and print as {@link SqlCommand}'s do ({@link SqlStatements}).
 */
final class EndpointSql {
  static final String DEFAULT_ENDPOINT = "sc://localhost:15002";

  private EndpointSql() {}

  static int run(String[] argv, PrintStream out, PrintStream err) {
    try {
      Args args = Args.parse("sql", Arrays.copyOfRange(argv, 1, argv.length), SqlStatements.OPTIONS, Set.of());
      // Statements piped in are read only once a session is sure: a local run could not read them again.
      Optional<SqlStatements> named = SqlStatements.named(args) ? Optional.of(SqlStatements.of(args)) : Optional.empty();
      boolean share = named.map(SqlStatements::onlyRead).orElse(false);
      Optional<EndpointSession> session = connect(args, share, err);
      if (session.isEmpty()) {
        return EndpointClient.RUN_LOCALLY;
      }
      try (EndpointSession endpoint = session.get()) {
        named.orElseGet(() -> SqlStatements.of(args)).run(endpoint, out);
      }
      return 0;
    } catch (BarometerException e) {
      err.println("error: " + e.getMessage());
      return e.exitCode();
    }
  }

  /**
   * A session of the endpoint as the command's role, if it can have one and the endpoint serves its warehouse: the
   * role's shared session when {@code share} ({@link SharedSessionIds}), else one of the call's own.
   */
  static Optional<EndpointSession> connect(Args args, boolean share, PrintStream err) {
    String endpoint = endpoint();
    Role role = Role.of(args.option("role").orElse(Role.ANALYST.id()));
    TokenSource source = AccessPolicy.tokenSource(Home.conf(args), role);
    Optional<String> token = source.read();
    if (token.isEmpty()) {
      err.printf("note: an endpoint runs at %s, but role %s's token (%s) is not set: running locally%n", endpoint,
          role.id(), source);
      return Optional.empty();
    }
    SharedSessionIds ids = SharedSessionIds.ofUser();
    Optional<String> shared = share ? ids.id(endpoint, role) : Optional.empty();
    EndpointSession session = EndpointSession.open(endpoint, role, token.get(), shared);
    String served;
    try {
      served = served(session, endpoint, role, source);
    } catch (StatusRuntimeException e) {
      if (shared.isEmpty() || !EndpointSession.closedSession(e)) {
        throw e;
      }
      session = EndpointSession.open(endpoint, role, token.get(), ids.renewed(endpoint, role));
      served = served(session, endpoint, role, source);
    }
    String wanted = located(Home.warehouse(args));
    if (!served.equals(wanted)) {
      err.printf("note: the endpoint at %s serves %s, not %s: running locally%n", endpoint, served, wanted);
      session.close();
      return Optional.empty();
    }
    return Optional.of(session);
  }

  /** The warehouse the endpoint serves; its first request, so a refused token shows here. */
  private static String served(EndpointSession session, String endpoint, Role role, TokenSource source) {
    try {
      return session.setting(ConnectEndpoint.WAREHOUSE_SETTING);
    } catch (StatusRuntimeException e) {
      session.close();
      if (EndpointSession.refused(e)) {
        throw CommandErrors.endpointRefused(endpoint, role.id(), source.toString(), e.getStatus().getCode() + ": "
            + e.getStatus().getDescription());
      }
      throw e;
    }
  }

  /** The endpoint sql looks for: $BAROMETER_ENDPOINT, else the default of serve. */
  static String endpoint() {
    String value = System.getenv("BAROMETER_ENDPOINT");
    return value == null || value.isBlank() ? DEFAULT_ENDPOINT : value.strip();
  }

  /** A warehouse root as {@code Warehouse#root()} has it: a URI as it is, a local path absolute. */
  private static String located(String root) {
    boolean uri = root.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*");
    String located = uri ? root : Path.of(root).toAbsolutePath().normalize().toString();
    return located.endsWith("/") ? located.substring(0, located.length() - 1) : located;
  }
}
