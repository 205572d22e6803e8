package dk.barometer.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The comparisons of two domains within a wave ({@code conf/comparisons.yaml}), checked against the indicator
 * catalogue by {@link BarometerConfig}: each names an indicator category both of whose domains the indicator is
 * broken down by, so each side is an estimate of the indicators table.
 */
public record ComparisonCatalog(List<ComparisonDefinition> comparisons) {
  public static final ComparisonCatalog NONE = new ComparisonCatalog(List.of());

  public ComparisonCatalog {
    comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
  }

  /** The file's comparisons; none when {@code file} is null (barometer.yaml names no comparisons file). */
  public static ComparisonCatalog load(Path file) {
    if (file == null) {
      return NONE;
    }
    if (!Files.exists(file)) {
      throw ConfigErrors.missingFile(file);
    }
    return Yaml.read(file, ComparisonCatalog.class);
  }

  public List<ComparisonDefinition> forSurvey(String survey) {
    return comparisons.stream().filter(c -> c.survey().equals(survey)).toList();
  }

  /** Every comparison refers to the catalogue's indicators, categories and domain values; errors name the key. */
  void check(Path file, BarometerConfig config) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < comparisons.size(); i++) {
      ComparisonDefinition c = comparisons.get(i);
      String key = "comparisons[" + i + "]";
      if (c.id() == null || c.id().isBlank() || !ids.add(c.id())) {
        throw ConfigErrors.comparisonId(file, key, c.id());
      }
      IndicatorDefinition indicator = c.survey() == null ? null : config.indicators().forSurvey(c.survey()).stream()
          .filter(d -> d.id().equals(c.indicator())).findFirst().orElse(null);
      if (indicator == null) {
        throw ConfigErrors.comparisonIndicator(file, key, c.survey(), c.indicator(), config.settings().surveys()
            .keySet());
      }
      List<String> categories = indicator.categories(concept -> config.latestAsking(c.survey(), concept)
          .orElseThrow()).stream().map(IndicatorCategory::code).toList();
      if (!categories.contains(c.category())) {
        throw ConfigErrors.comparisonCategory(file, key + ".category", c.indicator(), c.category(), categories);
      }
      checkGroup(file, key + ".first", c.first(), indicator, config);
      checkGroup(file, key + ".second", c.second(), indicator, config);
      if (c.first().equals(c.second())) {
        throw ConfigErrors.comparisonSameGroups(file, key, c.first().toString());
      }
      if (c.measures().isEmpty()) {
        throw ConfigErrors.comparisonMeasures(file, key + ".measures");
      }
      checkExpected(file, key + ".expected", c);
    }
  }

  private static void checkExpected(Path file, String key, ComparisonDefinition c) {
    ComparisonExpectation e = c.expected();
    if (e == null) {
      return;
    }
    if (e.direction() != null && !List.of(ComparisonExpectation.HIGHER, ComparisonExpectation.LOWER)
        .contains(e.direction())) {
      throw ConfigErrors.comparisonExpectation(file, key + ".direction", String.valueOf(e.direction()),
          "higher (first above second) or lower");
    }
    if (e.ratio() != null && (!(e.ratio() > 0) || !c.measures(ComparisonMeasure.RATIO))) {
      throw ConfigErrors.comparisonExpectation(file, key + ".ratio", String.valueOf(e.ratio()),
          "a positive ratio, with ratio among the measures");
    }
  }

  private static void checkGroup(Path file, String key, ComparisonGroup group, IndicatorDefinition indicator,
                                 BarometerConfig config) {
    if (group == null || group.domain() == null || !indicator.domains().contains(group.domain())) {
      throw ConfigErrors.comparisonDomain(file, key + ".domain", group == null ? null : group.domain(),
          indicator.id(), indicator.domains());
    }
    List<String> values = values(config, config.indicators().domains().get(group.domain()));
    if (values != null && !values.contains(group.value())) {
      throw ConfigErrors.comparisonDomainValue(file, key + ".value", group.domain(), group.value(), values);
    }
  }

  /** The values a domain takes, where conf/ lists them (null for a breakdown by a question: its answer codes). */
  private static List<String> values(BarometerConfig config, DomainDefinition domain) {
    if (domain.isTotal()) {
      return List.of(DomainDefinition.TOTAL_VALUE);
    }
    if (domain.isGrouped()) {
      return domain.groups().stream().map(DomainGroup::value).toList();
    }
    if (config.classifications().classifications().containsKey(domain.variable())) {
      return config.classifications().get(domain.variable()).codes().stream().map(CategoryCode::code).toList();
    }
    return null;
  }
}
