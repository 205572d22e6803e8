package dk.barometer.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** A register margin's counts by category, written as category, count, category, count, ... */
public final class Margin {
  private Margin() {}

  public static Map<String, Double> of(Object... pairs) {
    Map<String, Double> margin = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      margin.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
    }
    return margin;
  }
}
