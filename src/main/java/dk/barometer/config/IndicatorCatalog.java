package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The indicator definitions and the domains they are broken down by ({@code conf/indicators.yaml}). */
public record IndicatorCatalog(String version, Map<String, DomainDefinition> domains,
                               Map<String, List<String>> questionLists, List<IndicatorDefinition> indicators) {
  public IndicatorCatalog {
    checkArgument(version != null && !version.isBlank(), "The indicator catalogue needs a version");
    checkArgument(domains != null && !domains.isEmpty(), "The indicator catalogue defines no domains");
    checkArgument(indicators != null && !indicators.isEmpty(), "The indicator catalogue defines no indicators");
    domains = Collections.unmodifiableMap(new LinkedHashMap<>(domains));
    indicators = List.copyOf(indicators);
    // Named question lists exist for YAML anchors; the indicators hold their own copies.
    questionLists = questionLists == null ? Map.of() : Map.copyOf(questionLists);
    Set<String> ids = new HashSet<>();
    for (IndicatorDefinition i : indicators) {
      checkArgument(ids.add(i.survey() + "/" + i.id()), "Indicator '%s' is defined twice for survey '%s'", i.id(),
          i.survey());
      for (String d : i.domains()) {
        checkArgument(domains.containsKey(d), "Indicator '%s' uses domain '%s', which is not defined; domains: %s",
            i.id(), d, domains.keySet());
      }
    }
  }

  public static IndicatorCatalog load(Path file) {
    return Yaml.read(file, IndicatorCatalog.class);
  }

  /**
   * One indicator in the catalogue's form with the domains it is broken down by, as an ad-hoc estimate reads it from
   * {@code file}: the keys of {@code conf/indicators.yaml} ({@code version} and {@code question_lists} optional),
   * exactly one indicator.
   */
  public static IndicatorCatalog definition(Path file) {
    return definition(file.toString(), Yaml.text(file));
  }

  /** {@link #definition(Path)} of a file's YAML {@code text}, named {@code file} in messages. */
  public static IndicatorCatalog definition(String file, String text) {
    Definition read = Yaml.read(file, text, Definition.class);
    int indicators = read.indicators() == null ? 0 : read.indicators().size();
    if (indicators != 1) {
      throw ConfigErrors.notOneIndicator(file, indicators);
    }
    return new IndicatorCatalog(read.version() == null ? "ad hoc" : read.version(), read.domains(),
        read.questionLists(), read.indicators());
  }

  /** The keys of a definition file ({@link #definition}). */
  record Definition(String version, Map<String, DomainDefinition> domains,
                            Map<String, List<String>> questionLists, List<IndicatorDefinition> indicators) {}

  /** The same domains and version with {@code subset} as the indicators. */
  public IndicatorCatalog withIndicators(List<IndicatorDefinition> subset) {
    return new IndicatorCatalog(version, domains, questionLists, subset);
  }

  public List<IndicatorDefinition> forSurvey(String survey) {
    return indicators.stream().filter(i -> i.survey().equals(survey)).toList();
  }

  /**
   * The indicators of {@code survey} a wave can estimate, given the concepts it asked and its harmonised
   * {@code columns}: an indicator whose concept the wave did not ask gives no estimate (never a zero); an items
   * indicator keeps the items asked; a breakdown by a variable the wave lacks is left out.
   */
  public List<IndicatorDefinition> estimable(String survey, SurveyCodebook concepts, Collection<String> columns) {
    List<IndicatorDefinition> estimable = new ArrayList<>();
    for (IndicatorDefinition indicator : forSurvey(survey)) {
      List<String> asked = indicator.questions().stream().filter(q -> concepts.question(q).isPresent()).toList();
      if (!indicator.estimableFrom(asked)) {
        continue;
      }
      List<String> kept = indicator.domains().stream().filter(d -> {
        String variable = domains.get(d).variable();
        return variable == null || columns.contains(variable);
      }).toList();
      IndicatorDefinition restricted = asked.size() == indicator.questions().size() ? indicator
          : indicator.withQuestions(asked);
      estimable.add(kept.size() == indicator.domains().size() ? restricted : restricted.withDomains(kept));
    }
    return estimable;
  }
}
