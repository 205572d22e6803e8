package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

/**
 * The estimate a sentence of the publication is about: an indicator's category (default {@code yes}, the share) in
 * a domain value (default: value {@code all} of the catalogue's domain {@code total}, the whole population).
 */
public record StatementSubject(String survey, String indicator, String category, String domain, String value) {
  public StatementSubject {
    checkArgument(survey != null && indicator != null, "A publication sentence needs a survey and an indicator");
    category = category == null ? IndicatorCategory.YES : category;
    domain = domain == null ? "total" : domain;
    value = value == null ? DomainDefinition.TOTAL_VALUE : value;
  }
}
