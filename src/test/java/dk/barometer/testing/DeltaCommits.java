package dk.barometer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The commits of a local Delta table, read from its log's file names ({@code _delta_log/<version>.json}): cheaper
 * than asking Delta test after test, and usable while another process writes the table.
 */
public final class DeltaCommits {
  private DeltaCommits() {}

  /** The latest committed version of the table at {@code tablePath}, or -1 when it has none. */
  public static long latest(String tablePath) {
    Path log = Path.of(tablePath.replaceFirst("^file:", ""), "_delta_log");
    if (!Files.isDirectory(log)) {
      return -1;
    }
    try (Stream<Path> files = Files.list(log)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{20}\\.json"))
          .mapToLong(n -> Long.parseLong(n.substring(0, 20))).max().orElse(-1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
