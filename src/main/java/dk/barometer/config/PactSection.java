package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.util.List;

/**
 * What a publication section shows of the AI competence pact's counts of the report's year: its {@code charts}, and
 * a table with the caption {@code besideBarometer} setting the counts beside the barometer's estimates on the same
 * topics (the rows of {@code v_pact_barometer}).
 */
public record PactSection(List<PactChart> charts, Label besideBarometer) {
  public PactSection {
    checkArgument(charts != null && !charts.isEmpty(), "A pact section needs at least one chart");
    checkArgument(besideBarometer != null, "A pact section needs the caption of its table beside the barometer "
        + "(beside_barometer)");
    charts = List.copyOf(charts);
  }
}
