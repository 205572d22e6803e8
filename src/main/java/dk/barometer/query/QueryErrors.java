package dk.barometer.query;

import dk.barometer.BarometerException;
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
}
