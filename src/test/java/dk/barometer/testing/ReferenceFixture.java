package dk.barometer.testing;

import dk.barometer.config.Classifications;
import dk.barometer.config.RakingSettings;
import dk.barometer.config.SurveySettings;
import dk.barometer.config.Yaml;
import dk.barometer.ingest.RegisterMargins;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A fixture of the R reference (src/test/r): its settings, register and CSV files. */
public record ReferenceFixture(Path dir, Settings settings) {
  /** The fixture's settings.yaml: the surveys and raking sections of conf/barometer.yaml. */
  public record Settings(Map<String, SurveySettings> surveys, RakingSettings raking) {}

  public static final Path WEIGHTING = Path.of(System.getProperty("barometer.home", "."))
      .resolve("src/test/resources/weighting");
  public static final Path VARIANCE = Path.of(System.getProperty("barometer.home", "."))
      .resolve("src/test/resources/variance");
  public static final Path COMPARISONS = Path.of(System.getProperty("barometer.home", "."))
      .resolve("src/test/resources/comparisons");
  public static final Path REPLICATES = Path.of(System.getProperty("barometer.home", "."))
      .resolve("src/test/resources/replicates");

  public static ReferenceFixture load(Path dir) {
    return new ReferenceFixture(dir, Yaml.read(dir.resolve("settings.yaml"), Settings.class));
  }

  public String name() {
    return dir.getFileName().toString();
  }

  public RegisterMargins register(String population) {
    Map<String, Map<String, Map<String, Double>>> counts = new TreeMap<>();
    for (Map<String, String> row : csv(dir.resolve("register.csv"))) {
      counts.computeIfAbsent(row.get("population"), p -> new HashMap<>())
          .computeIfAbsent(row.get("variable"), v -> new LinkedHashMap<>())
          .put(row.get("category"), Double.parseDouble(row.get("count")));
    }
    return new RegisterMargins(0, dir.toString(), counts, Map.of(population, "R fixture"),
        List.of(dir.resolve("register.csv").toString()));
  }

  /** The fixtures code their margins as conf/classifications.yaml does. */
  public static Classifications classifications() {
    return Classifications.load(TestSpark.confDir().resolve("classifications.yaml"));
  }

  /** A small CSV file as rows of column name to text (no quoting in these files). */
  public static List<Map<String, String>> csv(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      String[] header = lines.get(0).split(",");
      return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> {
        String[] cells = l.split(",", -1);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i].strip().replace("\"", ""), cells[i].strip().replace("\"", ""));
        }
        return row;
      }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
