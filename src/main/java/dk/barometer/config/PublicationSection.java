package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.util.List;

/**
 * A section of the publication: its title, the figures of report.yaml it holds, in order, what it shows of the AI
 * competence pact ({@code pact}; null: nothing), its sentences, and what it will show when it has nothing to show yet
 * ({@code empty}; null: it always has).
 */
public record PublicationSection(String id, String da, String en, List<String> figures, PactSection pact,
                                 List<SectionStatement> text, Label empty) {
  public PublicationSection {
    checkArgument(id != null && id.matches("[a-z][a-z0-9_]*"), "Invalid publication section id '%s'", id);
    checkArgument(da != null && en != null, "Publication section %s needs a Danish (da) and an English (en) title",
        id);
    checkArgument(figures != null && !figures.isEmpty() || pact != null,
        "Publication section %s has neither figures nor pact", id);
    figures = figures == null ? List.of() : List.copyOf(figures);
    text = text == null ? List.of() : List.copyOf(text);
  }

  public Label title() {
    return new Label(da, en);
  }
}
