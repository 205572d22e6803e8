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
  private static BarometerException estimateUsage(String problem) {
    return new BarometerException(BarometerException.Kind.USAGE, String.format(
        "%s: %s. See 'jobs/barometer %s --help'.", EstimateRequest.COMMAND, problem, EstimateRequest.COMMAND));
  }

  static BarometerException twoKindsOfRequest() {
    return estimateUsage("give --definition FILE or --survey with --share (and --base, --by, --where), not both");
  }

  static BarometerException missingOption(String option) {
    return estimateUsage("option --" + option + " is required");
  }

  static BarometerException waveNotStored(int wave, String survey, String warehouse) {
    return estimateUsage(String.format("the warehouse %s holds no %s responses of wave %d with their weights; "
        + "run the wave first (jobs/barometer run --wave %d), or check --warehouse and --wave", warehouse, survey,
        wave, wave));
  }

  /** The access guard of the asking role refused a condition: it names what and who may. */
  static BarometerException refusedCondition(String source, String key, String text, String refusal,
                                             Exception cause) {
    return new BarometerException(BarometerException.Kind.USAGE, String.format("%s: the condition %s: \"%s\" is "
        + "refused: %s", source, key, text, refusal), cause);
  }

  /** Spark cannot evaluate a condition on one respondent's row: {@code problem} is its analysis error. */
  static BarometerException unusableCondition(String source, String key, String text, String problem,
                                              Exception cause) {
    return new BarometerException(BarometerException.Kind.CONFIG, String.format("%s: the condition %s: \"%s\" "
        + "cannot be evaluated on a respondent's answers: %s. Write a Spark SQL boolean expression of the answers, "
        + "as after WHERE (no aggregate, no window).", source, key, text, problem), cause);
  }

  /**
   * A restriction of an analyst's request leaves out of an estimate's base fewer respondents than the suppression
   * minimum (how many is not said: that would be the answer to the difference).
   */
  static BarometerException narrowRestriction(String role, String restriction, String domain, String value,
                                              int minimum) {
    return new BarometerException(BarometerException.Kind.USAGE, String.format("estimate: refused for the role "
        + "'%s': %s leaves out of the base of domain %s = %s between 1 and %d respondents, so the estimate beside "
        + "the same without it would tell what those few answered. Restrict less narrowly (leave out none or at "
        + "least %d respondents), or ask a researcher.", role, restriction, domain, value, minimum - 1, minimum));
  }

  /**
   * A relation extension of the estimate's type URL that is not an estimate request (not JSON, an unknown key such
   * as a role, no wave): the endpoint estimates nothing.
   */
  static BarometerException malformedEstimate(String typeUrl, String problem) {
    return new BarometerException(BarometerException.Kind.USAGE, String.format("estimate: the endpoint refused a "
        + "request of type %s: %s. Send jobs/barometer estimate's request as docs/querying.md describes it: JSON with "
        + "wave, survey, share, base, by, where or definition, and nothing else (the role is the token's).",
        typeUrl, problem));
  }
}
