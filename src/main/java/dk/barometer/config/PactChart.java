package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

/**
 * A chart of the publication's pact section: a figure of {@code pact_figures} ({@code people_upskilled} or
 * {@code partners}) by one breakdown with codes in {@code conf/pact.yaml} ({@code kind}, {@code form} or
 * {@code target_group}), one bar per code with its count, under the title {@code da}/{@code en}.
 */
public record PactChart(String id, String da, String en, String figure, String dimension) {
  public PactChart {
    checkArgument(id != null && id.matches("[a-z][a-z0-9_]*"), "Invalid pact chart id '%s'", id);
    checkArgument(da != null && en != null, "Pact chart %s needs a Danish (da) and an English (en) title", id);
    checkArgument(figure != null && dimension != null, "Pact chart %s needs a figure and a dimension", id);
  }

  public Label title() {
    return new Label(da, en);
  }
}
