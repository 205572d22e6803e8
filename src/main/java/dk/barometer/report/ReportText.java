package dk.barometer.report;

import dk.barometer.config.Label;
import dk.barometer.config.Publication;
import dk.barometer.config.PublicationPhrase;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an edition writes its words and numbers, in the text, the charts, their tooltips and the tables alike:
 * percentages with one decimal and a space before the sign (33,8 % in Danish), intervals with an en dash, changes
 * in signed percentage points.
 */
final class ReportText {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

  private final ReportLanguage language;
  private final Publication publication;

  ReportText(ReportLanguage language, Publication publication) {
    this.language = language;
    this.publication = publication;
  }

  ReportLanguage language() {
    return language;
  }

  String of(Label label) {
    return language.of(label);
  }

  String phrase(PublicationPhrase phrase) {
    return language.of(publication.phrase(phrase));
  }

  /** The phrase with its placeholders filled in. */
  String phrase(PublicationPhrase phrase, Map<String, String> values) {
    return fill(phrase(phrase), values, "phrase " + phrase.key());
  }

  /** 33,8 (no sign). */
  String number(double pct) {
    return language.number(pct, 1);
  }

  /** 33,8 %. */
  String pct(double pct) {
    return number(pct) + " %";
  }

  String count(long n) {
    return language.number(n, 0);
  }

  /** 30,1–38,4 %, or empty when the interval is not known. */
  String interval(Double low, Double high) {
    return low == null || high == null ? "" : number(low) + "\u2013" + number(high) + " %";
  }

  String reliability(String flag) {
    return flag.equals("u") ? "u: " + phrase(PublicationPhrase.UNCERTAIN) : "";
  }

  /** The change in percentage points with its standard error: +4,1 (SE 2,0). */
  String change(Change change) {
    return signed(change.changePoints()) + " (SE " + number(change.seChangePoints()) + ")";
  }

  String signed(double points) {
    return (points >= 0 ? "+" : "\u2212") + number(Math.abs(points));
  }

  /** The change's own p-value, unadjusted. */
  String pValue(Change change) {
    return probability(change.pValue());
  }

  /** The p-value adjusted by Benjamini-Hochberg over the survey's changes between the same two waves. */
  String pAdjusted(Change change) {
    return probability(change.pAdjusted());
  }

  private String probability(Double p) {
    return p == null ? "" : language.number(p, 3);
  }

  /**
   * The change as marked at a trend bar: "+4,1*" when significant at 5 % after the Benjamini-Hochberg adjustment,
   * with the break mark when the question was reworded (the change may be the wording).
   */
  String changeMark(Change change) {
    return signed(change.changePoints()) + (change.significantAdjusted() ? "*" : "")
        + (change.seriesBreak() ? " " + phrase(PublicationPhrase.BREAK_MARK) : "");
  }

  /** Whether the change is significant at 5 % after the adjustment, and whether the question was reworded. */
  String remark(Change change) {
    String significance = phrase(change.significantAdjusted() ? PublicationPhrase.SIGNIFICANT
        : PublicationPhrase.NOT_SIGNIFICANT);
    return change.seriesBreak() ? significance + "; " + phrase(PublicationPhrase.SERIES_BREAK) : significance;
  }

  /** {@code template} with each {name} replaced by its value; {@code where} names the template in an error. */
  static String fill(String template, Map<String, String> values, String where) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder filled = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw ReportErrors.unfilledPlaceholder(where, m.group(1), values.keySet());
      }
      m.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    return m.appendTail(filled).toString();
  }
}
