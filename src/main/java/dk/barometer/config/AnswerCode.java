package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

/**
 * One answer code of a scale. {@code missing} is null for a substantive answer, otherwise the reason the answer
 * leaves every base ({@code dont_know}, {@code not_relevant}).
 */
public record AnswerCode(int code, String da, String en, String missing) {
  public AnswerCode {
    checkArgument(da != null && en != null, "Answer code %s needs both a Danish (da) and an English (en) label", code);
    checkArgument(missing == null || missing.equals("dont_know") || missing.equals("not_relevant"),
        "Answer code %s: missing must be dont_know or not_relevant, not '%s'", code, missing);
  }

  public boolean isMissing() {
    return missing != null;
  }
}
