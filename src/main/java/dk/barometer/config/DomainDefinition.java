package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.util.List;

/**
 * A breakdown of the population: by the categories of {@code variable} (a classification variable or a question),
 * or by named {@code groups} that may overlap (upskilling status: not upskilled, all upskilled, on-the-job
 * trained), or neither (the whole population, value 'all'); optionally restricted by {@code where}.
 */
public record DomainDefinition(String variable, String where, List<DomainGroup> groups) {
  /** The domain value of the whole population. */
  public static final String TOTAL_VALUE = "all";

  public DomainDefinition {
    checkArgument(variable == null || groups == null, "A domain takes a variable or groups, not both (%s)", variable);
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  public boolean isTotal() {
    return variable == null && groups.isEmpty();
  }

  public boolean isGrouped() {
    return !groups.isEmpty();
  }
}
