package dk.barometer.config;

import java.util.Locale;

/** The publication page's own words, each a key of {@code phrases} in {@code conf/publication.yaml}. */
public enum PublicationPhrase {
  CONTENTS, KEY_FIGURES, METHOD, PUBLISHED, WAVE, FIGURE, FIGURES_AND_BASES, DOWNLOAD_CSV, ROW, SERIES, GROUP,
  PERCENT, PERCENT_AXIS, INTERVAL, BASE, UNCERTAIN, RELIABILITY, CHANGE, P_VALUE, P_ADJUSTED, SIGNIFICANT,
  NOT_SIGNIFICANT, SERIES_BREAK, NOTE_POPULATION, NOTE_METHOD, NOTE_UNCERTAIN, NOTE_SUPPRESSED, NOTE_CHANGE,
  BREAK_MARK, AND, TOPIC, PEOPLE, COUNT, SHARE, COUNTED, ESTIMATED, NOT_MEASURED, NOTE_COUNTED;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
