package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

/** One group of a grouped domain: the rows meeting {@code where} (a Spark SQL condition); groups may overlap. */
public record DomainGroup(String value, String where, String da, String en) {
  public DomainGroup {
    checkArgument(value != null && !value.isBlank(), "A domain group needs a value");
    checkArgument(where != null && !where.isBlank(), "Domain group '%s' needs a where condition", value);
    checkArgument(da != null && en != null, "Domain group '%s' needs Danish (da) and English (en) labels", value);
  }
}
