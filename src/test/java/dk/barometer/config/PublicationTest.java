package dk.barometer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.BarometerException;
import dk.barometer.testing.TestFiles;
import dk.barometer.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
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
        .hasMessageContaining("Did you mean people_upskilled? It has people_upskilled, partners.");
  }

  @Test
  void aFigureFarFromEveryFigureOfACountedChangeIsNamedWithTheFigures() {
    assertConfigError(TestSpark.copyOfConf("publication.yaml",
        "counted_change: {figure: partners", "counted_change: {figure: members"))
        .hasMessageContaining("counted_change names pact figure 'members'")
        .hasMessageContaining("no year could state it. It has people_upskilled, partners.");
  }

  @Test
  void aMisspeltFigureOfAPactChartIsNamed() {
    assertConfigError(TestSpark.copyOfConf("publication.yaml",
        "{id: pact_people_by_form, figure: people_upskilled", "{id: pact_people_by_form, figure: people"))
        .hasMessageContaining("pact chart pact_people_by_form names pact figure 'people'");
  }

  @Test
  void aBreakdownTheFigureDoesNotHaveIsNamedWithItsBreakdowns() {
    assertConfigError(TestSpark.copyOfConf("publication.yaml",
        "on_the_job: {figure: people_upskilled, dimension: form", "on_the_job: {figure: partners, dimension: form"))
        .hasMessageContaining("counted {on_the_job} names breakdown of partners 'form'")
        .hasMessageContaining("It has total, kind, industry, size_class, joined, production_firms.");
  }

  @Test
  void aMisspeltValueOfABreakdownIsNamedWithTheValueMeant() {
    assertConfigError(TestSpark.copyOfConf("publication.yaml",
        "dimension: form, value: on_the_job", "dimension: form, value: on_the_jb"))
        .hasMessageContaining("counted {on_the_job} names value of people_upskilled by form 'on_the_jb'")
        .hasMessageContaining("Did you mean on_the_job?");
    assertConfigError(TestSpark.copyOfConf("publication.yaml",
        "counted_change: {figure: partners, dimension: total, value: all",
        "counted_change: {figure: partners, dimension: total, value: everyone"))
        .hasMessageContaining("counted_change names value of partners by total 'everyone'")
        .hasMessageContaining("It has all.");
  }

  /** The topics of pact.yaml beside the barometer name rows of pact_figures too. */
  @Test
  void aMisspeltValueOfATopicBesideTheBarometerIsNamed() throws IOException {
    Path conf = TestSpark.copyOfConf();
    String pact = Files.readString(conf.resolve("pact.yaml"));
    String row = pact.lines().filter(l -> l.contains("pact: {figure:")).findFirst().orElseThrow();
    TestFiles.writeString(conf.resolve("pact.yaml"),
        pact.replace(row, row.replaceFirst("value: ([a-z_]+)", "value: $1x")));

    assertThatThrownBy(() -> load(conf))
        .satisfies(e -> assertThat(((BarometerException) e).kind()).isEqualTo(BarometerException.Kind.CONFIG))
        .hasMessageContaining(conf.resolve("pact.yaml") + ": beside_barometer topic ")
        .hasMessageContaining("x', which pact_figures does not have");
  }
}
