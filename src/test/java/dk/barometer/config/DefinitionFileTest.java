package dk.barometer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.BarometerException;
import dk.barometer.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The definition file of {@code jobs/barometer estimate --definition}: one indicator of any type, a condition one
 * included, with its domains; its conditions are checked on the wave's harmonised responses as conf/'s are.
 */
class DefinitionFileTest {
  private static final String DOMAINS = """
      domains:
        total: {}
        sector_50plus: {variable: sector, where: "size_class IN ('medium', 'large')"}
      indicators:
      """;
  private static final String CONDITION = """
        - {id: leads, survey: employer, type: condition, numerator: "ai_maturity >= 4",
           base: "prereq_strategy IN (4, 5)", da: x, en: x, domains: [total, sector_50plus]}
      """;

  @Test
  void aConditionIndicatorIsReadAndItsConditionsChecked() throws IOException {
    IndicatorCatalog request = IndicatorCatalog.definition(write(DOMAINS + CONDITION));
    IndicatorDefinition leads = request.indicators().get(0);
    assertThat(leads.type()).isEqualTo(IndicatorType.CONDITION);
    assertThat(leads.numeratorColumns()).containsExactly("ai_maturity");
    assertThat(leads.base()).isEqualTo("prereq_strategy IN (4, 5)");

    BarometerConfig config = BarometerConfig.load(TestSpark.confDir());
    List<SqlSnippet> conditions = config.conditionsOf(request, "leads.yaml");
    assertThat(conditions).extracting(SqlSnippet::key).containsExactly("domains.sector_50plus.where",
        "indicators[id: leads, survey: employer].numerator", "indicators[id: leads, survey: employer].base");
    config.checkRequest(2025, "employer", conditions, List.of("sector"), "leads.yaml");
    assertThatThrownBy(() -> config.checkRequest(2025, "employer", List.of(new SqlSnippet("estimate", "--where",
        "sizeclass = 'large'")), List.of(), "estimate")).isInstanceOf(BarometerException.class)
        .hasMessageContaining("'sizeclass'").hasMessageContaining("Did you mean size_class")
        .extracting(e -> ((BarometerException) e).exitCode()).isEqualTo(3);
    assertThatThrownBy(() -> config.checkRequest(2025, "employer", List.of(), List.of("stratum"), "estimate --by"))
        .hasMessageContaining("breakdown by 'stratum'");
  }

  @Test
  void aFileOfTwoIndicatorsOrAConditionWithQuestionsIsRefused() throws IOException {
    assertThatThrownBy(() -> IndicatorCatalog.definition(write(DOMAINS + CONDITION + CONDITION.replace("leads",
        "leads_too")))).hasMessageContaining("defines 2 indicators");
    assertThatThrownBy(() -> IndicatorCatalog.definition(write(DOMAINS + CONDITION.replace("type: condition,",
        "type: condition, question: ai_maturity,")))).hasMessageContaining("takes a 'numerator' condition");
  }

  private static Path write(String yaml) throws IOException {
    return Files.writeString(TestSpark.tempDir("definition").resolve("definition.yaml"), yaml);
  }
}
