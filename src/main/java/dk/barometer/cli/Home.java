package dk.barometer.cli;

import dk.barometer.config.Environment;
import dk.barometer.config.PseudonymKey;
import dk.barometer.config.TokenSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Default locations, relative to the installation ({@code -Dbarometer.home}, set by jobs/barometer) and
 * overridable by the environment variables BAROMETER_CONF and BAROMETER_WAREHOUSE, and the environment profile
 * ({@code --env NAME} or BAROMETER_ENV, {@link Environment}). Precedence: command line, then environment variable,
 * then profile, then the installation's default.
 */
final class Home {
  private Home() {}

  static Path home() {
    return Path.of(System.getProperty("barometer.home", ".")).toAbsolutePath().normalize();
  }

  static Path conf(Args args) {
    return Path.of(args.option("conf").orElse(env("BAROMETER_CONF", home().resolve("conf").toString())));
  }

  static String warehouse(Args args) {
    return args.option("warehouse").orElse(env("BAROMETER_WAREHOUSE",
        environment(args).map(e -> located(e.warehouse())).orElse(home().resolve("warehouse").toString())));
  }

  /** The input root of a run: --input, else the profile's input. */
  static String input(Args args, String command) {
    return args.option("input").or(() -> environment(args).map(e -> e.input() == null ? null : located(e.input())))
        .orElseThrow(() -> CommandErrors.missingInput(command));
  }

  /** The selected environment profile, if any. */
  static Optional<Environment> environment(Args args) {
    return args.option("env").or(() -> Optional.ofNullable(env("BAROMETER_ENV", null)))
        .map(name -> Environment.load(conf(args), name));
  }

  /** The Spark settings of the selected profile (none without one). */
  static Map<String, String> sparkSettings(Args args) {
    return environment(args).map(Environment::spark).orElse(Map.of());
  }

  /** Where the pseudonym key is kept: the profile's pseudonym_key, else {@link PseudonymKey#DEFAULT_SOURCE}. */
  static TokenSource pseudonymKeySource(Args args) {
    return environment(args).map(Environment::pseudonymKeySource).orElse(PseudonymKey.DEFAULT_SOURCE);
  }

  /** A profile's location: a URI or absolute path as it is, a relative path from the installation. */
  private static String located(String location) {
    boolean uri = location.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*");
    return uri || Path.of(location).isAbsolute() ? location : home().resolve(location).toString();
  }

  static Path demoData() {
    return home().resolve("demo-data");
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
