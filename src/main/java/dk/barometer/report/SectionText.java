package dk.barometer.report;

import dk.barometer.config.Label;
import dk.barometer.config.PublicationPhrase;
import dk.barometer.config.PublicationSection;
import dk.barometer.config.SectionStatement;
import dk.barometer.config.StatementSubject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sentences of a section, each chosen by what the estimates support: a difference between two groups is stated
 * only when the comparison is significant after the Benjamini-Hochberg adjustment, a change only when the trend is;
 * otherwise the sentence says it is not significant. A sentence whose estimates are suppressed is left out.
 */
final class SectionText {
  private final ReportText text;
  private final int wave;
  private final List<Estimate> estimates;
  private final List<Change> changes;
  private final Map<String, Comparison> comparisons;

  SectionText(ReportText text, int wave, List<Estimate> estimates, List<Change> changes,
              Map<String, Comparison> comparisons) {
    this.text = text;
    this.wave = wave;
    this.estimates = estimates;
    this.changes = changes;
    this.comparisons = comparisons;
  }

  List<String> sentences(PublicationSection section) {
    List<String> sentences = new ArrayList<>();
    for (SectionStatement statement : section.text()) {
      String where = "section " + section.id();
      if (statement.estimate() != null) {
        estimate(statement.estimate(), wave).ifPresent(e -> sentences.add(fill(statement.text(), values(e), where)));
      } else if (statement.comparison() != null) {
        Comparison c = comparisons.get(statement.comparison());
        if (c != null) {
          Label template = !c.significant() ? statement.notSignificant()
              : c.higher() ? statement.higher() : statement.lower();
          sentences.add(fill(template, values(c), where + ", comparison " + c.id()));
        }
      } else {
        change(statement, where).ifPresent(sentences::add);
      }
    }
    return sentences;
  }

  private Optional<String> change(SectionStatement statement, String where) {
    StatementSubject subject = statement.change();
    Optional<Estimate> now = estimate(subject, wave);
    Optional<Change> change = now.flatMap(e -> changes.stream().filter(c -> c.of(e)).findFirst());
    Optional<Estimate> before = change.flatMap(c -> estimate(subject, c.previousWave()));
    if (before.isEmpty()) {
      return Optional.empty();
    }
    Change c = change.get();
    Label template = !c.significantAdjusted() ? statement.unchanged()
        : c.changePoints() > 0 ? statement.rose() : statement.fell();
    Map<String, String> values = values(now.get());
    values.put("previous_value", text.pct(before.get().pct()));
    values.put("previous_wave", String.valueOf(c.previousWave()));
    values.put("wave", String.valueOf(wave));
    values.put("change", text.signed(c.changePoints()));
    String sentence = fill(template, values, where + ", change of " + subject.indicator());
    return Optional.of(c.seriesBreak() ? sentence + " (" + text.phrase(PublicationPhrase.SERIES_BREAK) + ")"
        : sentence);
  }

  private Optional<Estimate> estimate(StatementSubject s, int inWave) {
    return estimates.stream().filter(e -> e.wave() == inWave && e.survey().equals(s.survey())
        && e.indicatorId().equals(s.indicator()) && e.domain().equals(s.domain())
        && e.domainValue().equals(s.value()) && e.category().equals(s.category())).findFirst();
  }

  private Map<String, String> values(Estimate e) {
    Map<String, String> values = new HashMap<>();
    values.put("value", text.pct(e.pct()));
    values.put("interval", text.interval(e.ciLowPct(), e.ciHighPct()));
    values.put("n", text.count(e.baseN()));
    return values;
  }

  private Map<String, String> values(Comparison c) {
    Map<String, String> values = new HashMap<>();
    values.put("first_value", text.pct(c.firstPct()));
    values.put("second_value", text.pct(c.secondPct()));
    if (c.differencePoints() != null) {
      values.put("difference", text.number(Math.abs(c.differencePoints())));
    }
    if (c.ratio() != null) {
      values.put("ratio", text.number(c.ratio()));
    }
    return values;
  }

  private String fill(Label template, Map<String, String> values, String where) {
    return ReportText.fill(text.of(template), values, where);
  }
}
