package dk.barometer.report;

import dk.barometer.config.ChartKind;
import dk.barometer.config.DomainValue;
import dk.barometer.config.Label;
import dk.barometer.config.PublicationPhrase;
import dk.barometer.config.ReliabilitySettings;
import dk.barometer.config.ReportFigure;
import dk.barometer.config.ReportSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The note under a chart, as a statistics office prints it: the population and its respondents, the bases of the
 * figures, that the shares are weighted and leave "Don't know" out, what the whiskers and the 'u' mark are, and the
 * groups not shown because too few answered (every value of the figure's domains in conf/ without an estimate).
 */
final class ChartNote {
  private final ReportText text;
  private final Map<String, Label> populations;
  private final Map<String, Long> respondents;
  private final List<DomainValue> domainValues;
  private final ReliabilitySettings reliability;

  ChartNote(ReportText text, Map<String, Label> populations, Map<String, Long> respondents,
            List<DomainValue> domainValues, ReliabilitySettings reliability) {
    this.text = text;
    this.populations = populations;
    this.respondents = respondents;
    this.domainValues = domainValues;
    this.reliability = reliability;
  }

  /** The note's sentences for {@code figure} drawn from {@code points} of {@code wave}. */
  List<String> of(ReportFigure figure, List<ChartPoint> points, int wave) {
    List<String> surveys = figure.series().stream().map(ReportSeries::survey).distinct().toList();
    String and = " " + text.phrase(PublicationPhrase.AND) + " ";
    List<ChartPoint> shown = points.stream().filter(p -> p.wave() == wave).toList();
    long fewest = shown.stream().mapToLong(ChartPoint::baseN).min().orElse(0);
    long most = shown.stream().mapToLong(ChartPoint::baseN).max().orElse(0);
    List<String> note = new ArrayList<>();
    note.add(text.phrase(PublicationPhrase.NOTE_POPULATION, Map.of(
        "population", surveys.stream().map(s -> text.of(populations.get(s))).collect(Collectors.joining(and)),
        "respondents", surveys.stream().map(s -> text.count(respondents.getOrDefault(s, 0L)))
            .collect(Collectors.joining(and)),
        "bases", fewest == most ? text.count(most) : text.count(fewest) + "\u2013" + text.count(most))));
    note.add(text.phrase(PublicationPhrase.NOTE_METHOD));
    if (points.stream().anyMatch(p -> p.flag().equals("u"))) {
      note.add(text.phrase(PublicationPhrase.NOTE_UNCERTAIN,
          Map.of("low_below", text.count(reliability.lowBelow()))));
    }
    if (figure.kind() == ChartKind.TREND) {
      note.add(text.phrase(PublicationPhrase.NOTE_CHANGE));
    }
    List<String> suppressed = suppressed(figure, shown);
    if (!suppressed.isEmpty()) {
      note.add(text.phrase(PublicationPhrase.NOTE_SUPPRESSED, Map.of(
          "suppress_below", text.count(reliability.suppressBelow()), "groups", String.join(", ", suppressed))));
    }
    return note;
  }

  /** The values of the figure's domains (those it keeps) that have no estimate among {@code shown}. */
  private List<String> suppressed(ReportFigure figure, List<ChartPoint> shown) {
    Set<List<String>> present = shown.stream().map(p -> List.of(p.domain(), p.domainValue()))
        .collect(Collectors.toSet());
    return domainValues.stream()
        .filter(v -> figure.domains().contains(v.domain()))
        .filter(v -> figure.domainValues().isEmpty() || figure.domainValues().contains(v.value()))
        .filter(v -> !present.contains(List.of(v.domain(), v.value())))
        .map(v -> text.of(v.label())).distinct().toList();
  }
}
