package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.util.List;

/** One indicator of {@code conf/indicators.yaml}; see that file for the meaning of each field. */
public record IndicatorDefinition(String id, String survey, IndicatorType type, String question,
                                  List<Integer> success, String baseWhere, String da, String en,
                                  List<String> domains) {
  public IndicatorDefinition {
    checkArgument(id != null && id.matches("[a-z][a-z0-9_]*"), "Invalid indicator id '%s'", id);
    checkArgument(survey != null, "Indicator '%s' has no survey", id);
    checkArgument(type != null, "Indicator '%s' has no type (distribution or share)", id);
    checkArgument(question != null, "Indicator '%s' has no question", id);
    checkArgument(da != null && en != null, "Indicator '%s' needs Danish (da) and English (en) names", id);
    checkArgument(domains != null && !domains.isEmpty(), "Indicator '%s' has no domains", id);
    if (type == IndicatorType.SHARE) {
      checkArgument(success != null && !success.isEmpty(), "Share indicator '%s' needs success codes", id);
    } else {
      checkArgument(success == null, "Distribution indicator '%s' takes no success codes", id);
    }
    success = success == null ? List.of() : List.copyOf(success);
    domains = List.copyOf(domains);
  }
}
