package dk.barometer.cli;

import java.nio.file.Path;

/**
 * Default locations, relative to the installation ({@code -Dbarometer.home}, set by jobs/barometer) and
 * overridable by the environment variables BAROMETER_CONF and BAROMETER_WAREHOUSE.
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
    return args.option("warehouse").orElse(env("BAROMETER_WAREHOUSE", home().resolve("warehouse").toString()));
  }

  static Path demoData() {
    return home().resolve("demo-data");
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
