package dk.barometer.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The row keys of the conditional tables in {@code conf/demo/<wave>.yaml}: the categories of the conditioning
 * ({@code by}) variables joined by '|' (for example {@code micro|private}), or {@code all} for an unconditional table.
 */
final class TableKeys {
  static final String ALL = "all";
  static final String SEPARATOR = "|";

  private TableKeys() {}

  /** The key of one combination of categories of the {@code by} variables. */
  static String of(List<String> by, Map<String, String> categories) {
    return by.isEmpty() ? ALL : String.join(SEPARATOR, by.stream().map(categories::get).toList());
  }

  /** Every key a table conditional on {@code by} must have, given each variable's categories. */
  static List<String> expected(List<String> by, Map<String, List<String>> domains) {
    List<String> keys = new ArrayList<>(List.of(""));
    for (String variable : by) {
      List<String> longer = new ArrayList<>();
      for (String prefix : keys) {
        for (String category : domains.get(variable)) {
          longer.add(prefix.isEmpty() ? category : prefix + SEPARATOR + category);
        }
      }
      keys = longer;
    }
    return by.isEmpty() ? List.of(ALL) : keys;
  }

  /** An unmodifiable copy that keeps the YAML order (categories are drawn in that order). */
  static <V> Map<String, V> ordered(Map<String, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** {@link #ordered} for a table of rows. */
  static <V> Map<String, Map<String, V>> orderedRows(Map<String, Map<String, V>> table) {
    Map<String, Map<String, V>> copy = new LinkedHashMap<>();
    table.forEach((key, row) -> copy.put(key, ordered(row)));
    return Collections.unmodifiableMap(copy);
  }
}
