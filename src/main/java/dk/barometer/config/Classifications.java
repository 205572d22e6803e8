package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** The classification variables of {@code conf/classifications.yaml}, by variable name. */
public record Classifications(int version, Map<String, Classification> classifications) {
  public Classifications {
    checkArgument(classifications != null && !classifications.isEmpty(), "No classifications defined");
    classifications = Map.copyOf(classifications);
  }

  public static Classifications load(Path file) {
    return Yaml.read(file, Classifications.class);
  }

  public Classification get(String variable) {
    Classification c = classifications.get(variable);
    checkArgument(c != null, "Unknown classification variable '%s'; defined: %s", variable,
        new TreeMap<>(classifications).keySet());
    return c;
  }
}
