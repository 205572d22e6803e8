package dk.barometer.config;

import dk.barometer.BarometerException;
import java.nio.file.Path;

/**
 * Every configuration error (exit 3), one factory method each: the message names the file and says what is wrong,
 * with which value, why, and what to do.
 */
final class ConfigErrors {
  private ConfigErrors() {}

  private static BarometerException config(String format, Object... args) {
    return new BarometerException(BarometerException.Kind.CONFIG, String.format(format, args));
  }

  private static BarometerException config(Throwable cause, String format, Object... args) {
    return new BarometerException(BarometerException.Kind.CONFIG, String.format(format, args), cause);
  }

  /** A failed check of a configuration record ({@link Checks}); the message is the check's own. */
  static BarometerException invalid(String message) {
    return config("%s", message);
  }

  static BarometerException missingFile(Path file) {
    return config("Configuration file %s does not exist. Check --conf (or BAROMETER_CONF).", file);
  }

  static BarometerException unreadableYaml(Path file, Exception cause) {
    return config(cause, "%s: cannot read YAML: %s", file, cause.getMessage());
  }

  /** YAML that reads but does not fit the record: {@code problem} says which value, {@code where} at which key. */
  static BarometerException unboundYaml(Path file, String problem, String where, Exception cause) {
    return config(cause, "%s: %s%s", file, problem, where);
  }

  static BarometerException unreadableForFingerprint(Path directory, Exception cause) {
    return config(cause, "Cannot fingerprint %s: %s", directory, cause);
  }
}
