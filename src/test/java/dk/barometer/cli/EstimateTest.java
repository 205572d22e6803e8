package dk.barometer.cli;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.barometer.testing.CommandRun;
import dk.barometer.testing.DemoWarehouse;
import dk.barometer.testing.TestSpark;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code jobs/barometer estimate} through its real entry (Main, in this JVM) on the demo warehouse: it reproduces
 * the catalogue's rows of the indicators table from their definitions, and a share written as conditions; it checks
 * conditions as conf/'s are checked; and an analyst cannot recover one respondent's answer with it, by narrow
 * filters, a fine breakdown or the difference of two requests. Afterwards every table is as it was.
 */
class EstimateTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Warehouse warehouse;
  private final CommandRun commands = new CommandRun();

  @BeforeAll
  static void demoWarehouse() {
    warehouse = DemoWarehouse.withTrends();
  }

  @AfterAll
  static void everyTableIsAsItWas() {
    DemoWarehouse.assertUnchanged();
  }

  /**
   * Copied from conf/indicators.yaml: a distribution, shares and shares of a total, with domains restricted by where
   * and overlapping groups.
   */
  @Test
  void aCatalogueDefinitionReproducesItsRowsOfTheIndicatorsTable() {
    String domains = """
        domains:
          total: {}
          size_class: {variable: size_class}
          sector: {variable: sector}
          industry: {variable: industry}
          sector_50plus: {variable: sector, where: "size_class IN ('medium', 'large')"}
          industry_50plus: {variable: industry, where: "size_class IN ('medium', 'large')"}
          job_function: {variable: job_function}
          digital_type: {variable: digital_type, where: "digital_type IN ('specialist', 'integrator', 'generalist')"}
          maturity:
            groups:
              - {value: observer,     where: "ai_maturity = 1", da: AI-Observatør, en: AI observer}
              - {value: explorer,     where: "ai_maturity = 2", da: AI-Udforsker, en: AI explorer}
              - {value: practitioner, where: "ai_maturity = 3", da: AI-Praktiker, en: AI practitioner}
              - {value: accelerator,  where: "ai_maturity = 4", da: AI-Accelerator, en: AI accelerator}
              - {value: front_runner, where: "ai_maturity = 5", da: AI-Frontløber, en: AI front-runner}
              - {value: accelerator_or_front_runner, where: "ai_maturity IN (4, 5)", da: x, en: x}
        indicators:
        """;
    Map<String, String> indicators = Map.of(
        "employer/maturity", """
              - id: maturity
                survey: employer
                type: distribution
                question: ai_maturity
                da: AI-modenhed
                en: AI maturity
                domains: [total, size_class, sector, industry, sector_50plus, industry_50plus]
            """,
        "employer/uses_ai", """
              - id: uses_ai
                survey: employer
                type: share
                question: ai_maturity
                success: [2, 3, 4, 5]
                da: Anvender AI
                en: Uses AI
                domains: [total, size_class, sector, sector_50plus, industry_50plus]
            """,
        "employer/barrier_share", """
              - id: barrier_share
                survey: employer
                type: share_of_total
                questions: [prereq_strategy, prereq_management, prereq_competences, prereq_learning, prereq_tools,
                            prereq_culture, prereq_compliance, prereq_data_it]
                success: [1, 2]
                da: Barrierens andel af alle barrierer
                en: The barrier's share of all barriers reported
                domains: [total, maturity]
            """,
        "employee/uses_ai", """
              - id: uses_ai
                survey: employee
                type: share
                question: ai_use
                success: [2, 3, 4]
                da: Bruger AI i arbejdet
                en: Uses AI at work
                domains: [total, sector, job_function, digital_type]
            """);
    for (Map.Entry<String, String> indicator : indicators.entrySet()) {
      String[] id = indicator.getKey().split("/");
      Path file = write(indicator.getKey().replace('/', '-'), domains + indicator.getValue());
      assertThat(estimate("--role", "engineer", "--wave", "2025", "--definition", file.toString(), "--format", "json"))
          .as("%s: %s", indicator.getKey(), commands.err()).isZero();
      List<JsonNode> rows = rows();
      List<Row> catalogue = warehouse.read(Table.INDICATORS).where(col("wave").equalTo(2025)
          .and(col("survey").equalTo(id[0])).and(col("indicator_id").equalTo(id[1]))).collectAsList();
      assertThat(rows).as(indicator.getKey()).hasSize(catalogue.size()).hasSizeGreaterThan(5);
      assertSameEstimates(rows, catalogue, indicator.getKey());
    }
  }

  @Test
  void aShareWrittenAsConditionsIsTheCataloguesShare() {
    List<Row> usesAi = warehouse.read(Table.INDICATORS).where(col("wave").equalTo(2025)
        .and(col("survey").equalTo("employer")).and(col("indicator_id").equalTo("uses_ai"))
        .and(col("domain").isin("total", "size_class")).and(col("reliability").notEqual("suppressed")))
        .collectAsList();
    // The base defaults to a valid answer to the questions --share names; written out, it is the same.
    for (List<String> base : List.of(List.<String>of(), List.of("--base", "ai_maturity IN (1, 2, 3, 4, 5)"))) {
      List<String> argv = new ArrayList<>(List.of("--wave", "2025", "--survey", "employer", "--share",
          "ai_maturity IN (2, 3, 4, 5)", "--by", "size_class", "--format", "json"));
      argv.addAll(base);
      assertThat(estimate(argv.toArray(String[]::new))).as("%s", commands.err()).isZero();
      List<JsonNode> rows = rows();
      assertThat(rows).hasSize(usesAi.size());
      assertSameEstimates(rows, usesAi.stream().map(r -> r).toList(), "uses_ai as conditions " + base);
    }
  }

  @Test
  void conditionsAreCheckedAsTheCataloguesAre() {
    assertThat(estimate("--wave", "2025", "--survey", "employer", "--share", "ai_maturty IN (2, 3)")).isEqualTo(3);
    assertThat(commands.err()).contains("--share", "'ai_maturty'", "Did you mean ai_maturity");
    for (String where : List.of("respondent_id = 42", "wave = 2025", "hash(*) <> 0",
        "EXISTS (SELECT 1 FROM raw.weights)", "respondent_pseudonym IS NOT NULL")) {
      assertThat(estimate("--wave", "2025", "--survey", "employer", "--share", "ai_maturity = 2", "--where", where))
          .as(where).isEqualTo(3);
      assertThat(commands.err()).as(where).contains("--where");
    }
    assertThat(estimate("--wave", "2025", "--survey", "employer", "--share", "ai_maturity = 2", "--by", "stratum"))
        .isEqualTo(3);
    assertThat(estimate("--wave", "2025", "--survey", "employer", "--share", "ai_maturity = 2", "--by",
        "respondent_id")).isEqualTo(3);
    assertThat(estimate("--wave", "2025", "--survey", "employer", "--share", "ai_maturity")).isEqualTo(3);
    assertThat(commands.err()).contains("cannot be evaluated");
    // What the guard refuses in sql, it refuses here.
    assertThat(estimate("--wave", "2025", "--survey", "employer", "--share",
        "reflect('java.lang.System', 'getProperty', 'user.name') = 'x'")).isEqualTo(2);
    assertThat(commands.err()).contains("Access refused", "the role 'analyst'");
  }

  /**
   * A firm alone in its industry, region and size class: the attacks of an analyst who knows those of the firm and
   * wants its maturity. None shows an estimate with a base under the minimum, and the pair that would give it by
   * difference is refused.
   */
  @Test
  void anAnalystCannotRecoverOneRespondentsAnswer() {
    Row firm = warehouse.read(Table.responses("employer")).where(col("wave").equalTo(2025))
        .groupBy("industry", "region", "size_class").count().where(col("count").equalTo(1))
        .orderBy("industry", "region", "size_class").first();
    String alone = String.format("industry = '%s' AND region = '%s' AND size_class = '%s'", firm.getString(0),
        firm.getString(1), firm.getString(2));
    String share = "ai_maturity IN (4, 5)";

    // A filter down to the firm: its estimate is suppressed, values and base n.
    assertThat(estimate("--wave", "2025", "--survey", "employer", "--share", share, "--where", alone, "--format",
        "json")).as("%s", commands.err()).isZero();
    assertThat(rows()).singleElement().satisfies(r -> {
      assertThat(r.path("reliability").asText()).isEqualTo("suppressed");
      assertThat(r.has("estimate") || r.has("pct") || r.has("base_n") || r.has("se")).isFalse();
    });

    // A breakdown so fine that groups hold one firm: every group shown has the minimum, and the groups not shown
    // hold none or at least the minimum together, so the total less those shown does not give one away.
    assertThat(estimate("--wave", "2025", "--survey", "employer", "--share", share, "--by", "industry,region",
        "--format", "json")).as("%s", commands.err()).isZero();
    List<JsonNode> rows = rows();
    assertThat(rows).anyMatch(r -> r.path("reliability").asText().equals("suppressed"));
    long total = rows.stream().filter(r -> r.path("domain").asText().equals("total")).findFirst().orElseThrow()
        .path("base_n").asLong();
    for (String breakdown : List.of("industry", "region")) {
      long shown = 0;
      for (JsonNode r : rows) {
        if (r.path("domain").asText().equals(breakdown) && r.has("base_n")) {
          assertThat(r.path("base_n").asLong()).isGreaterThanOrEqualTo(30);
          shown += r.path("base_n").asLong();
        }
      }
      assertThat(total - shown).as("respondents of no group shown by %s", breakdown)
          .satisfiesAnyOf(hidden -> assertThat(hidden).isZero(),
              hidden -> assertThat(hidden).isGreaterThanOrEqualTo(30));
    }

    // Everyone against everyone but the firm: the second is refused, by --where and by --base alike, also within
    // a group.
    assertThat(estimate("--wave", "2025", "--survey", "employer", "--share", share)).isZero();
    for (String option : List.of("--where", "--base")) {
      assertThat(estimate("--wave", "2025", "--survey", "employer", "--share", share, option, "NOT (" + alone + ")"))
          .as(option).isEqualTo(2);
      assertThat(commands.err()).contains("refused", "between 1 and 29 respondents");
      assertThat(commands.out()).isEmpty();
    }
    assertThat(estimate("--wave", "2025", "--survey", "employer", "--share", share, "--by", "size_class", "--where",
        String.format("NOT (industry = '%s' AND region = '%s')", firm.getString(0), firm.getString(1))))
        .as("%s", commands.err()).isEqualTo(2);
  }

  private static void assertSameEstimates(List<JsonNode> rows, List<Row> catalogue, String what) {
    Map<String, Row> expected = new HashMap<>();
    catalogue.forEach(r -> expected.put(r.getAs("domain") + "/" + r.getAs("domain_value") + "/"
        + r.getAs("category"), r));
    for (JsonNode r : rows) {
      String key = r.path("domain").asText() + "/" + r.path("domain_value").asText() + "/"
          + r.path("category").asText();
      Row row = expected.get(key);
      assertThat(row).as("%s %s in the indicators table", what, key).isNotNull();
      assertThat(r.path("base_n").asLong()).as("%s %s base_n", what, key).isEqualTo((Long) row.getAs("base_n"));
      assertThat(r.path("reliability").asText()).as("%s %s", what, key).isEqualTo(row.getAs("reliability"));
      assertThat(r.path("df").asLong()).as("%s %s df", what, key).isEqualTo((Long) row.getAs("df"));
      for (String column : List.of("estimate", "se", "ci_low", "ci_high")) {
        Double value = row.getAs(column);
        if (value == null) {
          assertThat(r.has(column)).as("%s %s %s", what, key, column).isFalse();
        } else {
          assertThat(r.path(column).asDouble()).as("%s %s %s", what, key, column)
              .isCloseTo(value, within(1e-12 * Math.max(1, Math.abs(value))));
        }
      }
    }
  }

  private List<JsonNode> rows() {
    List<JsonNode> rows = new ArrayList<>();
    for (String line : commands.out().lines().toList()) {
      try {
        rows.add(JSON.readTree(line));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return rows;
  }

  private static Path write(String name, String text) {
    try {
      return Files.writeString(TestSpark.tempDir("estimate").resolve(name + ".yaml"), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int estimate(String... args) {
    return commands.run("estimate", warehouse.root(), args);
  }
}
