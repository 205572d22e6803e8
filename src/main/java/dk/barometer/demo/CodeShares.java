package dk.barometer.demo;

import static dk.barometer.config.Checks.checkArgument;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Answer-code distributions: the shares of the codes an answer in a given state takes (barrier: 1 or 2, say). */
final class CodeShares {
  private CodeShares() {}

  static Map<Integer, Double> check(String what, Map<Integer, Double> shares) {
    checkArgument(shares != null && !shares.isEmpty(), "%s lists no answer codes", what);
    double total = 0;
    for (double share : shares.values()) {
      checkArgument(share >= 0 && Double.isFinite(share), "%s has a negative share", what);
      total += share;
    }
    checkArgument(total > 0, "%s has no positive share", what);
    return Collections.unmodifiableMap(new LinkedHashMap<>(shares));
  }
}
