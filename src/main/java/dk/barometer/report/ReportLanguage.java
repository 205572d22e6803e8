package dk.barometer.report;

import dk.barometer.config.Label;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** An edition of the report: its labels, and numbers and dates in the language's own format (33,8 % and 33.8 %). */
public enum ReportLanguage {
  DA(Locale.forLanguageTag("da-DK"), "d. MMMM yyyy"),
  EN(Locale.UK, "d MMMM yyyy");

  private final Locale locale;
  private final DateTimeFormatter dates;

  ReportLanguage(Locale locale, String datePattern) {
    this.locale = locale;
    this.dates = DateTimeFormatter.ofPattern(datePattern, locale);
  }

  /** The language of a {@code --lang} value (da or en), or null for any other. */
  public static ReportLanguage of(String code) {
    for (ReportLanguage language : values()) {
      if (language.code().equals(code)) {
        return language;
      }
    }
    return null;
  }

  public String code() {
    return locale.getLanguage();
  }

  String of(Label label) {
    return this == DA ? label.da() : label.en();
  }

  /** A number with {@code decimals} decimals and grouped thousands: 1.012 and 33,8 in Danish. */
  String number(double value, int decimals) {
    DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
        DecimalFormatSymbols.getInstance(locale));
    // Half up, as the labelled views round (Spark's round).
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(value);
  }

  String date(LocalDate date) {
    return dates.format(date);
  }
}
