package dk.barometer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.BarometerException;
import dk.barometer.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BarometerConfigTest {

  @Test
  void theShippedConfigurationLoadsAndCoversTheReport() {
    BarometerConfig config = BarometerConfig.load(TestSpark.confDir());
    Codebook codebook = config.codebook(2025);
    SurveyCodebook employer = codebook.survey("employer");
    SurveyCodebook employee = codebook.survey("employee");
    assertThat(employer.questions().stream().filter(q -> q.id().startsWith("prereq_"))).hasSize(8);
    assertThat(employee.questions().stream().filter(q -> q.id().startsWith("prereq_"))).hasSize(8);
    assertThat(employer.questions().stream().filter(q -> q.id().startsWith("value_"))).hasSize(9);
    assertThat(employee.questions().stream().filter(q -> q.id().startsWith("value_"))).hasSize(11);
    assertThat(employer.questions().stream().filter(q -> q.id().startsWith("func_"))).hasSize(10);
    // 'Ved ikke' (9) leaves the base of the maturity question; steps 1-5 stay.
    assertThat(codebook.validCodes(employer.question("ai_maturity").orElseThrow())).containsExactly(1, 2, 3, 4, 5);
    assertThat(config.classifications().get("industry").codeValues()).contains("J", "Q", "P", "M", "GHI", "F");
  }

  @Test
  void anUnknownKeyIsAnErrorNamingTheFile() {
    Path conf = TestSpark.copyOfConf("barometer.yaml", "max_iterations:", "max_iteration:");
    assertThatThrownBy(() -> BarometerConfig.load(conf))
        .isInstanceOf(BarometerException.class)
        .hasMessageContaining("barometer.yaml").hasMessageContaining("max_iteration");
  }

  @Test
  void anIndicatorOnAQuestionTheCodebookLacksIsNamed() {
    Path conf = TestSpark.copyOfConf("indicators.yaml", "question: ai_maturity\n    success: [3, 4, 5]",
        "question: ai_maturty\n    success: [3, 4, 5]");
    assertThatThrownBy(() -> BarometerConfig.load(conf))
        .satisfies(e -> assertThat(((BarometerException) e).kind()).isEqualTo(BarometerException.Kind.CONFIG))
        .hasMessageContaining("Indicator 'implemented' uses question 'ai_maturty', which no configured wave's "
            + "codebook asks in survey 'employer'");
  }

  @Test
  void aSuccessCodeOutsideTheScaleIsNamed() throws IOException {
    Path conf = TestSpark.copyOfConf();
    Files.writeString(conf.resolve("indicators.yaml"), Files.readString(conf.resolve("indicators.yaml"))
        .replace("success: [3, 4, 5]", "success: [3, 4, 9]"));
    assertThatThrownBy(() -> BarometerConfig.load(conf).codebook(2025))
        .hasMessageContaining("counts code 9 of 'ai_maturity' as success");
  }

  @Test
  void theShippedComparisonsReferToTheCatalogue() {
    BarometerConfig config = BarometerConfig.load(TestSpark.confDir());
    assertThat(config.comparisons().forSurvey("employer")).extracting(ComparisonDefinition::id)
        .contains("implemented_private_public", "implemented_private_public_50plus");
    assertThat(config.comparisons().forSurvey("employee")).extracting(ComparisonDefinition::category)
        .contains("comp_devise_solutions", "value_job_security");
  }

  @Test
  void aComparisonOnADomainTheIndicatorLacksNamesFileAndKey() {
    Path conf = TestSpark.copyOfConf("comparisons.yaml", "first: {domain: sector_50plus, value: private}",
        "first: {domain: industry, value: private}");
    assertThatThrownBy(() -> BarometerConfig.load(conf))
        .satisfies(e -> assertThat(((BarometerException) e).kind()).isEqualTo(BarometerException.Kind.CONFIG))
        .hasMessageContaining("comparisons.yaml: comparisons[2].first.domain 'industry' is not a domain "
            + "indicator 'implemented' is broken down by");
  }

  @Test
  void aComparisonOnAnUnknownValueOrCategoryNamesFileAndKey() {
    Path value = TestSpark.copyOfConf("comparisons.yaml", "second: {domain: sector, value: public}",
        "second: {domain: sector, value: publik}");
    assertThatThrownBy(() -> BarometerConfig.load(value))
        .hasMessageContaining("comparisons.yaml: comparisons[0].second.value 'publik' is not a value of domain "
            + "'sector'. Use one of [private, public]");
    Path category = TestSpark.copyOfConf("comparisons.yaml", "category: value_job_security",
        "category: value_job_securty");
    assertThatThrownBy(() -> BarometerConfig.load(category))
        .hasMessageContaining("comparisons[8].category 'value_job_securty' is not a category of indicator "
            + "'value_creation'");
    Path expected = TestSpark.copyOfConf("comparisons.yaml", "expected: {direction: higher}",
        "expected: {direction: up}");
    assertThatThrownBy(() -> BarometerConfig.load(expected))
        .hasMessageContaining("comparisons[0].expected.direction 'up' cannot be checked");
  }

  @Test
  void codesThatLookLikeYaml11BooleansStayStrings() throws IOException {
    Path file = TestSpark.tempDir("yaml").resolve("classifications.yaml");
    Files.writeString(file, """
        version: 1
        classifications:
          answer:
            label: {da: Svar, en: Answer}
            codes:
              - {code: no, da: Nej, en: No}
              - {code: on, da: Til, en: On}
              - {code: N, da: N, en: N}
        """);
    assertThat(Classifications.load(file).get("answer").codeValues()).containsExactly("no", "on", "N");
  }

  @Test
  void aWaveWithoutConfigurationIsNamed() {
    assertThatThrownBy(() -> BarometerConfig.load(TestSpark.confDir()).codebook(2019))
        .hasMessageContaining("Wave 2019 is not configured");
  }
}
