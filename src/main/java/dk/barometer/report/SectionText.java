package dk.barometer.report;

import dk.barometer.config.Label;
import dk.barometer.config.PactCodebook;
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
 * otherwise the sentence says it is not significant. A sentence whose estimates are suppressed is left out. A
 * sentence on the AI competence pact's counts states them as counted, with no significance (they have no sampling
 * error); it is left out when the year, or for a change the year before, has no such count (a figure name that
 * {@code pact_figures} never has stops the loading of {@code publication.yaml} instead).
 */
final class SectionText {
  private final ReportText text;
  private final int wave;
  private final List<Estimate> estimates;
  private final List<Change> changes;
  private final Map<String, Comparison> comparisons;
  private final List<PactCount> pactCounts;

  SectionText(ReportText text, int wave, List<Estimate> estimates, List<Change> changes,
              Map<String, Comparison> comparisons, List<PactCount> pactCounts) {
    this.text = text;
    this.wave = wave;
    this.estimates = estimates;
    this.changes = changes;
    this.comparisons = comparisons;
    this.pactCounts = pactCounts;
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
      } else if (statement.counted() != null) {
        counted(statement, where).ifPresent(sentences::add);
      } else if (statement.countedChange() != null) {
        countedChange(statement, where).ifPresent(sentences::add);
      } else {
        change(statement, where).ifPresent(sentences::add);
      }
    }
    return sentences;
  }

  /** Each named count (or share) of the year, and {year}. */
  private Optional<String> counted(SectionStatement statement, String where) {
    Map<String, String> values = new HashMap<>();
    values.put("year", String.valueOf(wave));
    for (Map.Entry<String, PactCodebook.Pact> named : statement.counted().entrySet()) {
      Optional<PactCount> count = pactCount(named.getValue());
      if (count.isEmpty()) {
        return Optional.empty();
      }
      values.put(named.getKey(), counted(named.getValue(), count.get().count(), count.get().share()));
    }
    return Optional.of(fill(statement.text(), values, where));
  }

  private Optional<String> countedChange(SectionStatement statement, String where) {
    PactCodebook.Pact figure = statement.countedChange();
    Optional<PactCount> found = pactCount(figure).filter(c -> c.previousCount() != null);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    PactCount c = found.get();
    boolean count = figure.measure().equals(PactCodebook.Pact.COUNT);
    double change = count ? c.count() - c.previousCount() : 100 * (c.share() - c.previousShare());
    Label template = change > 0 ? statement.rose() : change < 0 ? statement.fell() : statement.unchanged();
    Map<String, String> values = new HashMap<>();
    values.put("year", String.valueOf(wave));
    values.put("previous_year", String.valueOf(c.previousYear()));
    values.put("value", counted(figure, c.count(), c.share()));
    values.put("previous_value", counted(figure, c.previousCount(), c.previousShare()));
    values.put("difference", count ? text.count(Math.abs(c.count() - c.previousCount()))
        : text.number(Math.abs(change)));
    return Optional.of(fill(template, values, where + ", change of " + figure.figure()));
  }

  private Optional<PactCount> pactCount(PactCodebook.Pact figure) {
    return pactCounts.stream().filter(c -> c.figure().equals(figure.figure())
        && c.dimension().equals(figure.dimension()) && c.value().equals(figure.value())).findFirst();
  }

  /** A count as a number (314.000), a share as a percentage of the figure's total. */
  private String counted(PactCodebook.Pact figure, long count, double share) {
    return figure.measure().equals(PactCodebook.Pact.COUNT) ? text.count(count) : text.pct(100 * share);
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
