package dk.barometer.report;

import dk.barometer.config.KeyFigure;
import dk.barometer.config.Question;
import java.util.Comparator;
import java.util.List;

/**
 * The key figures box: each key figure's estimate of the whole population in the report's wave, or its largest
 * categories; a key figure whose estimate is suppressed is left out.
 */
final class KeyFigures {
  /** A figure as shown: what it is, and its values (one for a share, the largest categories for a top). */
  record Shown(String what, List<Value> values) {}

  /** A value with its interval; {@code category} names it within a top (null for a share). */
  record Value(String category, String pct, String interval) {}

  private KeyFigures() {}

  static List<Shown> of(List<KeyFigure> keys, List<Estimate> estimates, int wave, ReportText text) {
    return keys.stream().map(key -> {
      List<Value> values = estimates.stream()
          .filter(e -> e.wave() == wave && e.survey().equals(key.survey()) && e.indicatorId().equals(key.indicator())
              && e.domain().equals(key.subject().domain()) && e.domainValue().equals(key.subject().value())
              && (key.top() != null || e.category().equals(key.category())))
          .sorted(Comparator.comparingDouble(Estimate::pct).reversed())
          .limit(key.top() == null ? 1 : key.top())
          .map(e -> new Value(key.top() == null ? null : Question.item(e.categoryLabel()), text.pct(e.pct()),
              text.interval(e.ciLowPct(), e.ciHighPct())))
          .toList();
      return new Shown(text.of(key.label()), values);
    }).filter(s -> !s.values().isEmpty()).toList();
  }
}
