package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The indicator definitions and the domains they are broken down by ({@code conf/indicators.yaml}). */
public record IndicatorCatalog(String version, Map<String, DomainDefinition> domains,
                               List<IndicatorDefinition> indicators) {
  public IndicatorCatalog {
    checkArgument(version != null && !version.isBlank(), "The indicator catalogue needs a version");
    checkArgument(domains != null && !domains.isEmpty(), "The indicator catalogue defines no domains");
    checkArgument(indicators != null && !indicators.isEmpty(), "The indicator catalogue defines no indicators");
    domains = Collections.unmodifiableMap(new LinkedHashMap<>(domains));
    indicators = List.copyOf(indicators);
    Set<String> ids = new HashSet<>();
    for (IndicatorDefinition i : indicators) {
      checkArgument(ids.add(i.id()), "Indicator id '%s' is defined twice", i.id());
      for (String d : i.domains()) {
        checkArgument(domains.containsKey(d), "Indicator '%s' uses domain '%s', which is not defined; domains: %s",
            i.id(), d, domains.keySet());
      }
    }
  }

  public static IndicatorCatalog load(Path file) {
    return Yaml.read(file, IndicatorCatalog.class);
  }

  public List<IndicatorDefinition> forSurvey(String survey) {
    return indicators.stream().filter(i -> i.survey().equals(survey)).toList();
  }
}
