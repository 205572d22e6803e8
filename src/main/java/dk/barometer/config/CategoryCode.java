package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

/** One category of a classification variable, as coded in the input files, with its labels. */
public record CategoryCode(String code, String da, String en) {
  public CategoryCode {
    checkArgument(code != null && !code.isBlank(), "Category without a code (labels %s / %s)", da, en);
    checkArgument(da != null && en != null, "Category '%s' needs both a Danish (da) and an English (en) label", code);
  }
}
