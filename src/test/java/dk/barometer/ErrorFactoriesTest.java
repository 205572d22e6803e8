package dk.barometer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Errors come from one factory per package ({@code ingest.InputErrors}, {@code warehouse.WarehouseErrors}, ...),
 * where every message can be read beside the others and states the problem, the value, the cause and the fix: no
 * class but a {@code *Errors} one builds a {@link BarometerException}.
 */
class ErrorFactoriesTest {
  private static final Path SOURCES = Path.of(System.getProperty("barometer.home", "."), "src", "main", "java");

  @Test
  void onlyErrorFactoriesBuildBarometerExceptions() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      List<String> builders = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !f.getFileName().toString().endsWith("Errors.java"))
          .filter(f -> read(f).contains("new BarometerException("))
          .map(f -> SOURCES.relativize(f).toString()).sorted().toList();

      assertThat(builders).as("classes building BarometerException outside the *Errors factories").isEmpty();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
