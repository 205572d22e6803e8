package dk.barometer.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The disk a benchmark needs under its output directory, checked before Spark starts: every size's input, warehouse
 * and (with {@code --vs-r}) R's export stay there after its run, so a size mistyped as 2000m for 2000k stops at once
 * with a message instead of filling the disk hours into the generation. What the sizes' directories hold now counts
 * as free, since the benchmark replaces them.
 *
 * <p>Per employee respondent the benchmark wrote 16.6 bytes of input and 23.9 of warehouse at 1m (16.7 and 23.7 at
 * 10m), and R's export 90.6 bytes at 1m; the figures here add about a fifth.
 */
public record BenchDisk(Path out, long needed, long available) {
  /** Input and warehouse per employee respondent, in bytes. */
  static final long BYTES_PER_EMPLOYEE = 48;
  /** R's CSV export per employee respondent, in bytes ({@code --vs-r}). */
  static final long R_BYTES_PER_EMPLOYEE = 108;

  /** What {@code sizes} need under {@code out}, and what is free there for them. */
  public static BenchDisk of(Path out, List<Long> sizes, boolean withR) {
    return new BenchDisk(out, needed(sizes, withR), saturatedAdd(usable(out), replaced(out, sizes)));
  }

  /** Stops the benchmark before it starts when its sizes cannot fit under {@code out}. */
  public void check() {
    if (needed > available) {
      throw BenchErrors.diskTooSmall(out, inUnits(needed), inUnits(available));
    }
  }

  static long needed(List<Long> sizes, boolean withR) {
    long perEmployee = BYTES_PER_EMPLOYEE + (withR ? R_BYTES_PER_EMPLOYEE : 0);
    long needed = 0;
    for (long size : sizes) {
      // Saturates: a size too large for a long of bytes does not fit anywhere.
      needed = saturatedAdd(needed, size > Long.MAX_VALUE / perEmployee ? Long.MAX_VALUE : size * perEmployee);
    }
    return needed;
  }

  /** The bytes under {@code out}'s size directories, which the benchmark replaces. */
  static long replaced(Path out, List<Long> sizes) {
    long bytes = 0;
    for (long size : sizes.stream().distinct().toList()) {
      Path dir = out.resolve(Long.toString(size));
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        bytes += files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
      } catch (IOException | UncheckedIOException e) {
        throw BenchErrors.freeSpaceUnknown(dir, e);
      }
    }
    return bytes;
  }

  /** The usable space of the file store {@code out} is (or will be) on: of its nearest existing ancestor. */
  private static long usable(Path out) {
    Path existing = out.toAbsolutePath();
    while (!Files.exists(existing)) {
      existing = existing.getParent();
    }
    try {
      return Files.getFileStore(existing).getUsableSpace();
    } catch (IOException e) {
      throw BenchErrors.freeSpaceUnknown(existing, e);
    }
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  private static String inUnits(long bytes) {
    return bytes < 1e9 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6)
        : String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
  }
}
