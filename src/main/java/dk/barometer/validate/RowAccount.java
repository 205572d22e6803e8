package dk.barometer.validate;

import java.util.Map;

/**
 * Where the rows of one survey's input went: every row read is either accepted (written to the responses table and
 * weighted) or rejected (one or more rows of {@code rejects}). The job checks the sum before its first write, so a
 * row lost or duplicated by a join stops the run instead of shifting the estimates; the counts go to {@code runs}.
 */
public record RowAccount(String survey, long rowsIn, long accepted, long rejected) {
  /** Throws when rows in differ from rows accepted plus rows rejected. */
  public RowAccount checked() {
    if (rowsIn != accepted + rejected) {
      throw ValidationErrors.rowsLost(survey, rowsIn, accepted, rejected);
    }
    return this;
  }

  /** Adds {@code <survey>_rows_in}, {@code _accepted} and {@code _rejected} to the run's row counts. */
  public void addTo(Map<String, Long> counts) {
    counts.put(survey + "_rows_in", rowsIn);
    counts.put(survey + "_accepted", accepted);
    counts.put(survey + "_rejected", rejected);
  }
}
