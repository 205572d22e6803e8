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
 * 10m) without replicate weights, and R's export 90.6 bytes at 1m. With 200 replicate weights the warehouse held
 * 1,831 bytes per employee at 1m, 9.0 more per replicate, and the two layouts of {@code --layouts} 3,797, 19.0 per
 * replicate (2026-12-07). The figures here add about a fifth.
 *
 * @param perEmployee the bytes per employee respondent of one size ({@link #bytesPerEmployee})
 */
public record BenchDisk(Path out, long needed, long available, long perEmployee) {
  /** Input and warehouse per employee respondent without replicate weights, in bytes. */
  static final long BYTES_PER_EMPLOYEE = 48;
  /** The warehouse's replicate weights per employee respondent and replicate, in bytes. */
  static final long BYTES_PER_REPLICATE = 11;
  /** R's CSV export per employee respondent, in bytes ({@code --vs-r}). */
  static final long R_BYTES_PER_EMPLOYEE = 108;
  /** Both layouts of the replicate weights per employee respondent and replicate, in bytes ({@code --layouts}). */
  static final long LAYOUT_BYTES_PER_REPLICATE = 23;

  /** What {@code sizes} need under {@code out} at {@code perEmployee} bytes each, and what is free there for them. */
  public static BenchDisk of(Path out, List<Long> sizes, long perEmployee) {
    return new BenchDisk(out, needed(sizes, perEmployee), saturatedAdd(usable(out), replaced(out, sizes)),
        perEmployee);
  }

  /**
   * The bytes per employee respondent of a run with {@code replicates} replicate weights, with R's export when
   * {@code withR} and both layouts of the replicate weights when {@code layouts}.
   */
  public static long bytesPerEmployee(int replicates, boolean withR, boolean layouts) {
    return BYTES_PER_EMPLOYEE + replicates * BYTES_PER_REPLICATE + (withR ? R_BYTES_PER_EMPLOYEE : 0)
        + (layouts ? replicates * LAYOUT_BYTES_PER_REPLICATE : 0);
  }

  /** Stops the benchmark before it starts when its sizes cannot fit under {@code out}. */
  public void check() {
    if (needed > available) {
      throw BenchErrors.diskTooSmall(out, inUnits(needed), inUnits(available), perEmployee);
    }
  }

  static long needed(List<Long> sizes, long perEmployee) {
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
