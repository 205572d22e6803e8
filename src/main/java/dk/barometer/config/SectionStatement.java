package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.util.Map;

/**
 * One sentence of a publication section, chosen and filled from the estimates ({@code conf/publication.yaml}
 * explains each kind): an {@code estimate} with its {@code text}; a {@code comparison} of two domains with a sentence
 * for a significantly {@code higher} or {@code lower} first group and for {@code notSignificant}; the {@code change}
 * of an estimate from the previous wave: {@code rose}, {@code fell} or {@code unchanged}; or the AI competence pact's
 * {@code counted} figures of the report's year, each by its placeholder name, with its {@code text}, or the
 * {@code countedChange} of one from the year before: {@code rose}, {@code fell} or {@code unchanged}.
 */
public record SectionStatement(StatementSubject estimate, String comparison, StatementSubject change,
                               Map<String, PactCodebook.Pact> counted, PactCodebook.Pact countedChange, Label text,
                               Label higher, Label lower, Label notSignificant, Label rose, Label fell,
                               Label unchanged) {
  public SectionStatement {
    int kinds = (estimate == null ? 0 : 1) + (comparison == null ? 0 : 1) + (change == null ? 0 : 1)
        + (counted == null ? 0 : 1) + (countedChange == null ? 0 : 1);
    checkArgument(kinds == 1, "A publication sentence is one of estimate, comparison, change, counted or "
        + "counted_change, not %d of them", kinds);
    counted = counted == null ? null : Map.copyOf(counted);
    if (estimate != null) {
      checkArgument(text != null, "The sentence on %s/%s needs its text", estimate.survey(), estimate.indicator());
    } else if (counted != null) {
      checkArgument(text != null && !counted.isEmpty(), "The sentence on the pact's counts %s needs its text",
          counted.keySet());
    } else if (comparison != null) {
      checkArgument(higher != null && lower != null && notSignificant != null,
          "The sentence on comparison %s needs higher, lower and not_significant", comparison);
    } else {
      checkArgument(rose != null && fell != null && unchanged != null, "The sentence on the change of %s needs rose, "
          + "fell and unchanged", change != null ? change.survey() + "/" + change.indicator()
          : countedChange.figure());
    }
  }

  /** The estimate the sentence is about, for an estimate or a change. */
  public StatementSubject subject() {
    return estimate != null ? estimate : change;
  }
}
