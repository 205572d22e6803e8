package dk.barometer.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The sizes of a benchmark, written as employee respondents with an optional k or m: {@code 3k,100k,1m}. */
public final class BenchSizes {
  public static final String DEFAULT = "3k,100k,1m";

  private BenchSizes() {}

  public static List<Long> parse(String text) {
    List<Long> sizes = new ArrayList<>();
    for (String word : text.split(",")) {
      String w = word.trim().toLowerCase(Locale.ROOT);
      long unit = w.endsWith("k") ? 1_000 : w.endsWith("m") ? 1_000_000 : 1;
      String digits = unit == 1 ? w : w.substring(0, w.length() - 1);
      try {
        long size = Math.multiplyExact(Long.parseLong(digits), unit);
        if (size <= 0) {
          throw new NumberFormatException();
        }
        sizes.add(size);
      } catch (NumberFormatException | ArithmeticException e) {
        throw BenchErrors.badSize(word);
      }
    }
    return List.copyOf(sizes);
  }
}
