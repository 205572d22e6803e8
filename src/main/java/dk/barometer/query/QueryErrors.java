package dk.barometer.query;

import dk.barometer.BarometerException;
import dk.barometer.config.Role;
import org.apache.spark.sql.AnalysisException;

/** Every fault of a query against the warehouse, one factory method each. */
public final class QueryErrors {
  private QueryErrors() {}

  static BarometerException unknownFormat(String name) {
    return new BarometerException(BarometerException.Kind.USAGE,
        "Unknown --format '" + name + "'; use table, csv or json.");
  }

  /** A statement Spark could not parse or resolve; Spark's message names the fault and where it is. */
  public static BarometerException sqlError(AnalysisException cause) {
    return new BarometerException(BarometerException.Kind.USAGE, "SQL error: " + cause.getMessage(), cause);
  }

  /**
   * A statement {@code role} may not run: {@code action} says what was refused (the statement kind, the relation, the
   * function, the setting), {@code whoMay} who may do it instead.
   */
  static AccessRefused accessRefused(Role role, String action, String whoMay) {
    return new AccessRefused("Access refused: the role '" + role.id() + "' may not " + action + ". " + whoMay
        + ". Nothing was run.");
  }
}
