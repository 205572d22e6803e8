package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

/** Where a wave's codebook is (relative to {@code conf/}) and the reference year of its register margins. */
public record WaveSettings(String codebook, int registerYear) {
  public WaveSettings {
    checkArgument(codebook != null && !codebook.isBlank(), "A wave needs a codebook path");
    checkArgument(registerYear > 1900, "Invalid register_year: %s", registerYear);
  }
}
