package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The publication around the report's figures ({@code conf/publication.yaml}, which explains each field): title,
 * publisher, the population of each survey, the key figures, the sections with their figures and sentences, the
 * method section and the page's own words, each in Danish and English.
 */
public record Publication(Label title, Label subtitle, Label publisher, Map<String, Label> populations,
                          List<KeyFigure> keyFigures, List<PublicationSection> sections, List<Label> method,
                          Map<String, Label> phrases) {
  private static final String FILE = "publication.yaml";

  public Publication {
    checkArgument(title != null && subtitle != null && publisher != null,
        "publication.yaml needs a title, a subtitle and a publisher");
    checkArgument(sections != null && !sections.isEmpty(), "publication.yaml has no sections");
    populations = Map.copyOf(populations == null ? Map.of() : populations);
    keyFigures = keyFigures == null ? List.of() : List.copyOf(keyFigures);
    sections = List.copyOf(sections);
    method = method == null ? List.of() : List.copyOf(method);
    phrases = Map.copyOf(phrases == null ? Map.of() : phrases);
    Set<String> expected = Arrays.stream(PublicationPhrase.values()).map(PublicationPhrase::key)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(phrases.keySet());
    Set<String> unknown = new TreeSet<>(phrases.keySet());
    unknown.removeAll(expected);
    checkArgument(missing.isEmpty() && unknown.isEmpty(), "publication.yaml: phrases missing %s, unknown %s",
        missing, unknown);
  }

  public Label phrase(PublicationPhrase phrase) {
    return phrases.get(phrase.key());
  }

  /**
   * Reads {@code conf/publication.yaml}: every figure of {@code figures} is in one section, every key figure and
   * sentence names an indicator, domain and comparison of {@code config}, and every pact sentence and chart a figure
   * of {@code pact_figures}, with a population for each survey.
   */
  public static Publication load(Path conf, ReportFigures figures, BarometerConfig config) {
    Path file = conf.resolve(FILE);
    Publication publication = Yaml.read(file, Publication.class);
    Set<String> placed = new HashSet<>();
    // pact.yaml is read only when the publication shows the pact's figures.
    boolean showsPact = publication.sections().stream().anyMatch(section -> section.pact() != null
        || section.text().stream().anyMatch(t -> t.counted() != null || t.countedChange() != null));
    PactCodebook pact = showsPact ? PactCodebook.load(config) : null;
    for (PublicationSection section : publication.sections()) {
      for (String figure : section.figures()) {
        checkArgument(figures.figures().stream().anyMatch(f -> f.id().equals(figure)),
            "publication.yaml: section %s names figure '%s', which report.yaml does not have", section.id(), figure);
        checkArgument(placed.add(figure), "publication.yaml: figure %s is in two sections", figure);
      }
      if (section.pact() != null) {
        for (PactChart chart : section.pact().charts()) {
          PactCodebook.checkBreakdown(file, "section " + section.id() + ", pact chart " + chart.id(), chart.figure(),
              chart.dimension());
          checkArgument(!pact.codesOf(chart.dimension()).isEmpty(), "publication.yaml: pact chart %s is by '%s'; "
              + "it can be by kind, form or target_group (the breakdowns with codes in pact.yaml)", chart.id(),
              chart.dimension());
        }
      }
      for (SectionStatement statement : section.text()) {
        String where = "section " + section.id();
        if (statement.counted() != null) {
          statement.counted().forEach((name, row) -> pact.check(file,
              String.format("%s, counted {%s}", where, name), row, config));
        } else if (statement.countedChange() != null) {
          pact.check(file, where + ", counted_change", statement.countedChange(), config);
        } else if (statement.comparison() != null) {
          checkArgument(config.comparisons().comparisons().stream()
                  .anyMatch(c -> c.id().equals(statement.comparison())),
              "publication.yaml: section %s names comparison '%s', which comparisons.yaml does not have",
              section.id(), statement.comparison());
        } else if (statement.subject() != null) {
          checkSubject(config, where, statement.subject());
        }
      }
    }
    List<String> unplaced = figures.figures().stream().map(ReportFigure::id).filter(id -> !placed.contains(id))
        .toList();
    checkArgument(unplaced.isEmpty(), "publication.yaml: figures %s of report.yaml are in no section", unplaced);
    for (KeyFigure key : publication.keyFigures()) {
      checkSubject(config, "key figure", key.subject());
    }
    for (String survey : config.settings().surveys().keySet()) {
      checkArgument(publication.populations().containsKey(survey),
          "publication.yaml: populations has no entry for survey '%s'", survey);
    }
    return publication;
  }

  private static void checkSubject(BarometerConfig config, String where, StatementSubject subject) {
    IndicatorDefinition indicator = config.indicators().forSurvey(subject.survey()).stream()
        .filter(i -> i.id().equals(subject.indicator())).findFirst().orElse(null);
    checkArgument(indicator != null, "publication.yaml: %s uses indicator '%s', which survey '%s' does not have in "
        + "the indicator catalogue", where, subject.indicator(), subject.survey());
    checkArgument(indicator.domains().contains(subject.domain()), "publication.yaml: %s needs indicator %s/%s by "
        + "domain '%s'; it has %s", where, subject.survey(), subject.indicator(), subject.domain(),
        indicator.domains());
  }
}
