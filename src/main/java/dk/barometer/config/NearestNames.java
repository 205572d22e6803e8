package dk.barometer.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/** The fix of a misspelt name in the configuration: the known names a few edits from it. */
final class NearestNames {
  /** A name this many edits or fewer from a known one is offered as the name meant. */
  private static final int NEAR_EDITS = 3;

  private NearestNames() {}

  /** The names nearest {@code name}, ignoring case, nearest first: up to three, none if no name is near. */
  static List<String> of(String name, Collection<String> names) {
    ToIntFunction<String> edits = known -> edits(name.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT));
    return names.stream().filter(n -> edits.applyAsInt(n) <= NEAR_EDITS)
        .sorted(Comparator.comparingInt(edits).thenComparing(Comparator.naturalOrder())).limit(3).toList();
  }

  /** Levenshtein distance: the fewest insertions, deletions and substitutions that turn {@code a} into {@code b}. */
  private static int edits(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
