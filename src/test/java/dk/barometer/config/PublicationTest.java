package dk.barometer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.BarometerException;
import dk.barometer.testing.TestSpark;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * A pact figure that {@code pact_figures} does not have is an error when {@code publication.yaml} loads: the report
 * would find no count for it in any year and leave its sentence or chart out, as it does for a year without one.
 */
class PublicationTest {
  private static Publication load(Path conf) {
    BarometerConfig config = BarometerConfig.load(conf);
    return Publication.load(conf, ReportFigures.load(conf, config.indicators()), config);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertConfigError(Path conf) {
    return assertThatThrownBy(() -> load(conf))
        .satisfies(e -> assertThat(((BarometerException) e).kind()).isEqualTo(BarometerException.Kind.CONFIG))
        .hasMessageContaining(conf.resolve("publication.yaml") + ": section pact, ");
  }

  @Test
  void theShippedPublicationNamesOnlyFiguresOfPactFigures() {
    assertThat(load(TestSpark.confDir()).sections()).extracting(PublicationSection::id).contains("pact");
  }

  @Test
  void aMisspeltFigureOfACountedSentenceIsNamedWithTheFigureMeant() {
    assertConfigError(TestSpark.copyOfConf("publication.yaml",
        "people: {figure: people_upskilled", "people: {figure: people_upskiled"))
        .hasMessageContaining("counted {people} names pact figure 'people_upskiled', which pact_figures does not "
            + "have")
        .hasMessageContaining("Did you mean people_upskilled?")
        .hasMessageContaining("people_upskilled, partners");
  }

  @Test
  void aFigureFarFromEveryFigureOfACountedChangeIsNamedWithTheFigures() {
    assertConfigError(TestSpark.copyOfConf("publication.yaml",
        "counted_change: {figure: partners", "counted_change: {figure: members"))
        .hasMessageContaining("counted_change names pact figure 'members'")
        .hasMessageContaining("Name one of its figures: people_upskilled, partners.");
  }

  @Test
  void aMisspeltFigureOfAPactChartIsNamed() {
    assertConfigError(TestSpark.copyOfConf("publication.yaml",
        "{id: pact_people_by_form, figure: people_upskilled", "{id: pact_people_by_form, figure: people"))
        .hasMessageContaining("pact chart pact_people_by_form names pact figure 'people'");
  }
}
