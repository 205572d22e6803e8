package dk.barometer.config;

import dk.barometer.BarometerException;

/** Preconditions for configuration records: a failed check is a {@link BarometerException.Kind#CONFIG} error. */
public final class Checks {
  private Checks() {}

  public static void checkArgument(boolean condition, String message, Object... args) {
    if (!condition) {
      throw ConfigErrors.invalid(String.format(message, args));
    }
  }
}
