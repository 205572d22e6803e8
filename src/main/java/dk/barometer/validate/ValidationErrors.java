package dk.barometer.validate;

import dk.barometer.BarometerException;

/** Every failed check of the validation, one factory method each. */
final class ValidationErrors {
  private ValidationErrors() {}

  static BarometerException rowsLost(String survey, long rowsIn, long accepted, long rejected) {
    return new BarometerException(BarometerException.Kind.CHECK_FAILED, String.format("%s: row accounting failed: "
        + "%d rows read, but %d accepted + %d rejected = %d. A processing step lost or duplicated rows; nothing was "
        + "written. Report this with the input.", survey, rowsIn, accepted, rejected, accepted + rejected));
  }
}
