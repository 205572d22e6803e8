package dk.barometer.query;

import dk.barometer.BarometerException;
import dk.barometer.config.Role;
import dk.barometer.config.TokenSource;
import java.util.Map;
import java.util.stream.Collectors;

/** Every fault of a query against the warehouse, one factory method each. */
public final class QueryErrors {
  private QueryErrors() {}

  static BarometerException unknownFormat(String name) {
    return new BarometerException(BarometerException.Kind.USAGE,
        "Unknown --format '" + name + "'; use table, csv or json.");
  }

  /** A statement Spark could not parse or resolve; Spark's message names the fault and where it is. */
  /** A statement the engine would not run: {@code message} is its analysis error, wherever it ran. */
  public static BarometerException sqlError(String message, Throwable cause) {
    return new BarometerException(BarometerException.Kind.USAGE, "SQL error: " + message, cause);
  }

  /**
   * A statement {@code role} may not run: {@code action} says what was refused (the statement kind, the relation, the
   * function, the setting), {@code whoMay} who may do it instead.
   */
  static AccessRefused accessRefused(Role role, String action, String whoMay) {
    return new AccessRefused(AccessRefused.PREFIX + "the role '" + role.id() + "' may not " + action + ". " + whoMay
        + ". Nothing was run.");
  }

  /** {@code serve} with no role's token set: nobody could connect. */
  static BarometerException noToken(Map<Role, TokenSource> sources) {
    return new BarometerException(BarometerException.Kind.CONFIG, "serve: no role's token is set, so no client could "
        + "connect. Set at least one, as conf/access.yaml says where each is read: " + sources.entrySet().stream()
        .map(e -> e.getKey().id() + " from " + e.getValue()).collect(Collectors.joining(", "))
        + " (e.g. export BAROMETER_ANALYST_TOKEN=$(openssl rand -hex 32)); docs/querying.md.");
  }

  /** Two roles with one token: the endpoint could not tell which role a client is. */
  static BarometerException sharedToken(Role first, Role second, Map<Role, TokenSource> sources) {
    return new BarometerException(BarometerException.Kind.CONFIG, String.format("serve: roles %s (%s) and %s (%s) have "
        + "the same token, so a client's role could not be told. Give each role a token of its own.", first.id(),
        sources.get(first), second.id(), sources.get(second)));
  }

  /** {@code serve} on an address where something listens already: another endpoint, most likely. */
  static BarometerException portInUse(String host, int port, Throwable cause) {
    return new BarometerException(BarometerException.Kind.CONFIG, "serve: the port " + port + " of " + host
        + " is in use (another serve, or another program), so the endpoint could not listen there. Stop what "
        + "listens there, or give serve another --port (and sql BAROMETER_ENDPOINT=sc://localhost:<that port>).",
        cause);
  }
}
