package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * An environment profile, {@code conf/environments/<name>.yaml}: where a run's input and warehouse are (any Hadoop
 * file system URI: {@code file:}, {@code s3a:}, {@code abfss:}; a plain relative path is taken from the
 * installation), the Spark settings of that environment (e.g. a file system's credentials provider) and where the
 * key of the respondent pseudonyms is kept ({@code pseudonym_key: env:NAME} or {@code file:PATH}, never the key;
 * {@link PseudonymKey#DEFAULT_SOURCE} where absent). Selected with {@code --env NAME} or {@code BAROMETER_ENV};
 * paths given on the command line win.
 */
public record Environment(String warehouse, String input, Map<String, String> spark, String pseudonymKey) {
  public Environment {
    checkArgument(warehouse != null && !warehouse.isBlank(), "An environment profile needs a warehouse");
    spark = spark == null ? Map.of() : Map.copyOf(spark);
    // A value pasted in place of its source may be the key itself: the message does not repeat it.
    checkArgument(pseudonymKey == null || pseudonymKey.matches("(env|file):.+"), "pseudonym_key is where the key "
        + "is kept, env:NAME or file:PATH, never the key itself; the value given (not shown) is neither. Keep the key "
        + "in a file outside conf/ (head -c 32 /dev/urandom | base64 > FILE; chmod 600 FILE) and name it: "
        + "pseudonym_key: file:FILE");
  }

  /** Where this environment keeps the pseudonym key. */
  public TokenSource pseudonymKeySource() {
    return pseudonymKey == null ? PseudonymKey.DEFAULT_SOURCE : TokenSource.parse(pseudonymKey);
  }

  public static Environment load(Path confDir, String name) {
    checkArgument(name.matches("[A-Za-z0-9_-]+"), "Invalid environment name '%s'", name);
    Path file = confDir.resolve("environments").resolve(name + ".yaml");
    checkArgument(Files.isRegularFile(file), "No environment profile %s; profiles: %s", file, profiles(confDir));
    return Yaml.read(file, Environment.class);
  }

  private static Object profiles(Path confDir) {
    try (var files = Files.list(confDir.resolve("environments"))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
          .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
    } catch (java.io.IOException e) {
      return "none";
    }
  }

  /** The Spark settings in name order, for logging. */
  public Map<String, String> sortedSpark() {
    return new TreeMap<>(spark);
  }
}
