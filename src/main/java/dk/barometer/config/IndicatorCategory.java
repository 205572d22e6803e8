package dk.barometer.config;

/**
 * One category of an indicator, as its estimates are keyed in the {@code category} column: an answer code of a
 * distribution, {@link #YES} of a share, or a question id of a list of items. {@code question} is the question whose
 * answers make the category (null for a share of several questions: any of them).
 */
public record IndicatorCategory(String code, String question, String da, String en) {
  /** The category of a share: the respondents who answered with a success code. */
  public static final String YES = "yes";
}
