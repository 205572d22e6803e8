package dk.barometer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.barometer.config.BarometerConfig;
import dk.barometer.config.ChartKind;
import dk.barometer.config.ReportFigure;
import dk.barometer.config.ReportFigures;
import dk.barometer.testing.DemoWarehouse;
import dk.barometer.testing.HeadlessChromium;
import dk.barometer.testing.QueryZones;
import dk.barometer.testing.TestSpark;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code jobs/barometer report} on the 2025 and 2026 demo waves: the page holds every figure of conf/report.yaml
 * with the estimates of the indicators table, and Chromium (headless) draws each chart from the inlined scripts
 * without a script error. Skips the browser checks only where Chromium is not installed (.ci/run installs it).
 */
class ReportTest {
  private static final Pattern FIGURE_SPEC =
      Pattern.compile("<script type=\"application/json\" data-figure=\"([a-z0-9_]+)\">(.*?)</script>", Pattern.DOTALL);
  private static SparkSession spark;
  private static Warehouse warehouse;
  private static ReportFigures figures;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void twoWaves() {
    spark = TestSpark.spark();
    dropCatalog(); // the report registers the tables by name: none of another test's warehouse may linger
    figures = ReportFigures.load(TestSpark.confDir(), BarometerConfig.load(TestSpark.confDir()).indicators());
    warehouse = DemoWarehouse.withTrends();
  }

  @AfterAll
  static void dropCatalog() {
    QueryZones.drop();
  }

  private Path report(int wave) {
    Path dir = TestSpark.tempDir("report-" + wave);
    assertThat(main("report", "--wave", String.valueOf(wave), "--warehouse", warehouse.root(), "--out",
        dir.toString(), "--conf", TestSpark.confDir().toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return dir;
  }

  @Test
  void chromiumDrawsEveryChartOfTheLatestWaveWithoutScriptErrors() throws IOException {
    Path dir = report(2026);
    String html = Files.readString(dir.resolve("index.html"));
    // 2026 has every figure's estimates, and two waves for the trends: one chart per figure.
    List<String> ids = figures.figures().stream().map(ReportFigure::id).toList();
    assertThat(specs(html)).containsExactlyElementsOf(ids);
    assertThat(html).doesNotContain("src=\"http", "href=\"http"); // nothing fetched: scripts are inline
    for (String id : ids) {
      assertThat(dir.resolve("svg").resolve(id + ".svg")).content().startsWith("<svg").contains("n=");
    }

    Optional<HeadlessChromium> chromium = HeadlessChromium.find();
    assumeTrue(chromium.isPresent(), "Chromium is not installed (apt-get install chromium)");
    HeadlessChromium.Output page = chromium.get().dumpDom(dir.resolve("index.html"));
    String dom = page.stdout();
    assertThat(dom).contains("<h1>AI-barometeret 2026</h1>");
    assertThat(count(dom, "<pre id=\"errors\" hidden=\"\"></pre>")).as(errors(dom)).isEqualTo(1);
    assertThat(page.stderr()).doesNotContain("Uncaught");
    // vega-embed draws each chart as an SVG of class "marks" and removes the pre-rendered one it replaces.
    assertThat(count(dom, "class=\"marks\"")).isEqualTo(ids.size());
    assertThat(count(dom, "role=\"graphics-document\"")).isEqualTo(ids.size());
    assertThat(count(dom, "id=\"static-")).isZero();

    Path png = dir.resolve("report.png");
    chromium.get().screenshot(dir.resolve("index.html"), png, 1280, 3200);
    assertThat(Files.size(png)).isGreaterThan(50_000);
    byte[] header = Files.readAllBytes(png);
    assertThat(new String(header, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  @Test
  void theFirstWaveHasNoTrendChartsAndSaysWhy() throws IOException {
    String html = Files.readString(report(2025).resolve("index.html"));
    List<String> bars = figures.figures().stream().filter(f -> f.kind() == ChartKind.BARS).map(ReportFigure::id)
        .toList();
    assertThat(specs(html)).containsExactlyElementsOf(bars);
    List<ReportFigure> trends = figures.figures().stream().filter(f -> f.kind() == ChartKind.TREND).toList();
    assertThat(trends).isNotEmpty().allSatisfy(f -> assertThat(html).contains("id=\"" + f.id() + "\""));
    assertThat(html).contains("Udviklingen vises, når der er mindst to bølger");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains(bars.size() + " charts", "no chart for trend_");
  }

  @Test
  void eachBarCarriesTheEstimateIntervalBaseAndFlagOfTheIndicatorsTable() throws IOException {
    JsonNode spec = spec(Files.readString(report(2025).resolve("index.html")), "maturity_by_size");
    JsonNode values = spec.at("/data/values");
    List<Row> rows = warehouse.read(Table.INDICATORS).where("wave = 2025 AND survey = 'employer' AND indicator_id = "
        + "'maturity' AND domain = 'size_class' AND reliability <> 'suppressed'").collectAsList();
    assertThat(values.size()).isEqualTo(rows.size()).isGreaterThan(10);
    // The first bar: micro firms (first size class in conf/classifications.yaml), observers (code 1).
    Row first = rows.stream().filter(r -> r.<String>getAs("domain_value").equals("micro")
        && r.<String>getAs("category").equals("1")).findFirst().orElseThrow();
    JsonNode bar = values.get(0);
    assertThat(bar.get("row").asText()).isEqualTo("Mikro (1-9 ansatte)");
    assertThat(bar.get("colour").asText()).isEqualTo("AI-Observatør");
    assertThat(bar.get("pct").asDouble()).isEqualTo(Math.round(1000 * first.<Double>getAs("estimate")) / 10.0);
    assertThat(bar.get("ci_low").asDouble()).isEqualTo(Math.round(1000 * first.<Double>getAs("ci_low")) / 10.0);
    assertThat(bar.get("ci_high").asDouble()).isEqualTo(Math.round(1000 * first.<Double>getAs("ci_high")) / 10.0);
    assertThat(bar.get("n").asLong()).isEqualTo(first.<Long>getAs("base_n"));

    // Every low-reliability estimate of the figure is flagged 'u' in its bar, and only those.
    long low = rows.stream().filter(r -> r.<String>getAs("reliability").equals("low")).count();
    long flagged = 0;
    for (JsonNode v : values) {
      flagged += v.get("flag").asText().equals("u") ? 1 : 0;
    }
    assertThat(flagged).isEqualTo(low);
  }

  @Test
  void aWaveNotInTheWarehouseIsAUsageErrorNamingTheWavesThere() {
    assertThat(main("report", "--wave", "2024", "--warehouse", warehouse.root(), "--out",
        TestSpark.tempDir("report-2024").toString(), "--conf", TestSpark.confDir().toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Wave 2024 is not in the warehouse", "[2025, 2026]");
  }

  private int main(String... argv) {
    out.reset();
    err.reset();
    return Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static List<String> specs(String html) {
    return FIGURE_SPEC.matcher(html).results().map(m -> m.group(1)).toList();
  }

  private static JsonNode spec(String html, String id) throws IOException {
    Matcher m = FIGURE_SPEC.matcher(html);
    while (m.find()) {
      if (m.group(1).equals(id)) {
        return new ObjectMapper().readTree(m.group(2).replace("<\\/", "</"));
      }
    }
    throw new AssertionError("no figure " + id);
  }

  private static long count(String text, String what) {
    return Pattern.compile(Pattern.quote(what)).matcher(text).results().count();
  }

  private static String errors(String dom) {
    Matcher m = Pattern.compile("<pre id=\"errors\"[^>]*>(.*?)</pre>", Pattern.DOTALL).matcher(dom);
    return m.find() ? "script errors: " + m.group(1) : "no #errors element";
  }
}
