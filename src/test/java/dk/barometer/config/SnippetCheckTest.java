package dk.barometer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.BarometerException;
import dk.barometer.testing.TestSpark;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * Every kind of Spark SQL condition of conf/ is parsed and its columns resolved when the configuration loads: a
 * typo is a configuration error (exit 3) naming the file, the key path and the column, before any data is read.
 */
class SnippetCheckTest {

  @Test
  void theShippedConfigurationLoadsClean() {
    assertThatCode(() -> BarometerConfig.load(TestSpark.confDir())).doesNotThrowAnyException();
  }

  @Test
  void aTypoInADomainWhereIsNamed() {
    Path conf = TestSpark.copyOfConf("indicators.yaml", "sector_50plus: {variable: sector, where: \"size_class IN",
        "sector_50plus: {variable: sector, where: \"size_clas IN");
    assertConfigError(conf)
        .hasMessageContaining(conf.resolve("indicators.yaml") + ": the condition domains.sector_50plus.where: "
            + "\"size_clas IN ('medium', 'large')\" names column 'size_clas', which is not a column of the employer "
            + "responses of wave 2025 as the indicators see them")
        .hasMessageContaining("Did you mean size_class?");
  }

  @Test
  void aTypoInADomainGroupWhereIsNamed() {
    Path conf = TestSpark.copyOfConf("indicators.yaml", "where: \"ai_maturity = 1\"", "where: \"ai_maturty = 1\"");
    assertConfigError(conf)
        .hasMessageContaining(conf.resolve("indicators.yaml") + ": the condition "
            + "domains.maturity.groups[value: observer].where: \"ai_maturty = 1\" names column 'ai_maturty'")
        .hasMessageContaining("Did you mean ai_maturity?");
  }

  @Test
  void aTypoInABaseWhereIsNamedAndACorrectOneLoads() {
    String implemented = "question: ai_maturity\n    success: [3, 4, 5]\n";
    Path conf = TestSpark.copyOfConf("indicators.yaml",
        implemented, implemented + "    base_where: \"size_class = 'large'\"\n");
    assertThatCode(() -> BarometerConfig.load(conf)).doesNotThrowAnyException();

    Path typo = TestSpark.copyOfConf("indicators.yaml",
        implemented, implemented + "    base_where: \"sise_class = 'large'\"\n");
    assertConfigError(typo)
        .hasMessageContaining(typo.resolve("indicators.yaml") + ": the condition "
            + "indicators[id: implemented, survey: employer].base_where: \"sise_class = 'large'\" names column "
            + "'sise_class'")
        .hasMessageContaining("Did you mean size_class?");
  }

  @Test
  void aTypoInAnAskedIfIsNamed() {
    Path conf = TestSpark.copyOfConf("codebook/2025.yaml",
        "{id: upskill_on_the_job,  scale: selected, asked_if: \"upskilled = 1\"",
        "{id: upskill_on_the_job,  scale: selected, asked_if: \"upskiled = 1\"");
    assertConfigError(conf)
        .hasMessageContaining(conf.resolve("codebook/2025.yaml") + ": the condition "
            + "surveys.employee.questions[id: upskill_on_the_job].asked_if: \"upskiled = 1\" names column 'upskiled', "
            + "which is not a column of the employee response files of wave 2025")
        .hasMessageContaining("Did you mean upskilled?");
  }

  /** The routing is checked on the wave's files as delivered, before harmonisation: its question ids. */
  @Test
  void anAskedIfNamesTheWavesQuestionIdsNotTheConcepts() {
    Path conf = TestSpark.copyOfConf("codebook/2026.yaml",
        "asked_if: \"upskilled = 0\"", "asked_if: \"wants_upskilling IS NULL\"");
    assertConfigError(conf)
        .hasMessageContaining("surveys.employee.questions[id: wants_ai_upskilling].asked_if")
        .hasMessageContaining("names column 'wants_upskilling', which is not a column of the employee response files "
            + "of wave 2026")
        .hasMessageContaining("Did you mean wants_ai_upskilling?");
  }

  /** Domains are evaluated on the harmonised responses: a concept renamed in 2026 keeps its concept name. */
  @Test
  void aWhereNamesTheConcepts() {
    Path conf = TestSpark.copyOfConf("indicators.yaml",
        "where: \"upskill_on_the_job = 1\"", "where: \"wants_upskilling = 1\"");
    assertThatCode(() -> BarometerConfig.load(conf)).doesNotThrowAnyException();
  }

  /** Spark resolves column names case-insensitively by default, and so does the check. */
  @Test
  void columnNamesMatchInAnyCase() {
    Path conf = TestSpark.copyOfConf("indicators.yaml", "where: \"ai_maturity = 1\"", "where: \"AI_Maturity = 1\"");
    assertThatCode(() -> BarometerConfig.load(conf)).doesNotThrowAnyException();
  }

  @Test
  void aNameNearNoColumnListsTheColumns() {
    Path conf = TestSpark.copyOfConf("indicators.yaml", "where: \"ai_maturity = 1\"", "where: \"firm_age > 10\"");
    assertConfigError(conf)
        .hasMessageContaining("names column 'firm_age'")
        .hasMessageContaining("Use one of its columns: ai_maturity, ");
  }

  @Test
  void aConditionThatDoesNotParseIsNamed() {
    Path conf = TestSpark.copyOfConf("indicators.yaml",
        "where: \"size_class IN ('medium', 'large')\"}\n  industry_50plus",
        "where: \"size_class IN ('medium', 'large'\"}\n  industry_50plus");
    assertConfigError(conf)
        .hasMessageContaining(conf.resolve("indicators.yaml") + ": the condition domains.sector_50plus.where: "
            + "\"size_class IN ('medium', 'large'\" is not Spark SQL: [PARSE_SYNTAX_ERROR] Syntax error");
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertConfigError(Path conf) {
    return assertThatThrownBy(() -> BarometerConfig.load(conf))
        .isInstanceOfSatisfying(BarometerException.class, e -> {
          assertThat(e.kind()).isEqualTo(BarometerException.Kind.CONFIG);
          assertThat(e.exitCode()).isEqualTo(3);
        });
  }
}
