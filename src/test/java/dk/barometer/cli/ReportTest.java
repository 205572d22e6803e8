package dk.barometer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.barometer.config.BarometerConfig;
import dk.barometer.config.ChartKind;
import dk.barometer.config.DomainValue;
import dk.barometer.config.IndicatorCatalog;
import dk.barometer.config.PactChart;
import dk.barometer.config.PactCodebook;
import dk.barometer.config.Publication;
import dk.barometer.config.PublicationSection;
import dk.barometer.config.ReportFigure;
import dk.barometer.config.ReportFigures;
import dk.barometer.config.ReportSeries;
import dk.barometer.report.HeadlessChromium;
import dk.barometer.report.ReportLanguage;
import dk.barometer.testing.CommandRun;
import dk.barometer.testing.DemoWarehouse;
import dk.barometer.testing.QueryZones;
import dk.barometer.testing.TestFiles;
import dk.barometer.testing.TestSpark;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code jobs/barometer report} on the 2025 and 2026 demo waves, read as a reader of the publication would: the
 * page holds every figure of conf/report.yaml with the estimates of the indicators table, and headless Chromium
 * draws each chart from the inlined scripts without a script error. The rendered text has no machine path or
 * configuration key, a note with N under every chart naming the groups not shown, the language's number format,
 * and no label cut short. The AI competence pact's section sets the partners' counts, marked as counted, beside the
 * barometer's estimates, marked as estimated with their interval. Skips the browser checks only where Chromium is
 * not installed (.ci/run installs it).
 */
class ReportTest {
  private static final Pattern FIGURE_SPEC =
      Pattern.compile("<script type=\"application/json\" data-figure=\"([a-z0-9_]+)\">(.*?)</script>", Pattern.DOTALL);
  private static final Pattern CAPTION =
      Pattern.compile("<figure id=\"([a-z0-9_]+)\">.*?<figcaption class=\"note\">(.*?)</figcaption>", Pattern.DOTALL);
  private static SparkSession spark;
  private static Warehouse warehouse;
  private static BarometerConfig config;
  private static ReportFigures figures;
  /** The charts of the pact's counts, which conf/publication.yaml places beside the figures of report.yaml. */
  private static List<String> pactCharts;

  private final CommandRun commands = new CommandRun();

  @BeforeAll
  static void twoWaves() {
    spark = TestSpark.spark();
    dropCatalog(); // the report registers the tables by name: none of another test's warehouse may linger
    config = BarometerConfig.load(TestSpark.confDir());
    figures = ReportFigures.load(TestSpark.confDir(), config.indicators());
    pactCharts = Publication.load(TestSpark.confDir(), figures, config).sections().stream()
        .map(PublicationSection::pact).filter(p -> p != null).flatMap(p -> p.charts().stream()).map(PactChart::id)
        .toList();
    warehouse = DemoWarehouse.withTrends();
  }

  @AfterAll
  static void dropCatalog() {
    QueryZones.drop();
  }

  private Path report(int wave, String... options) {
    return report(warehouse.root(), wave, options);
  }

  private Path report(String root, int wave, String... options) {
    Path dir = TestSpark.tempDir("report-" + wave);
    List<String> argv = new ArrayList<>(List.of("--wave", String.valueOf(wave), "--out", dir.toString()));
    argv.addAll(List.of(options));
    assertThat(commands.run("report", root, argv.toArray(String[]::new))).as("%s", commands.err()).isZero();
    return dir;
  }

  @Test
  void chromiumDrawsTheDanishEditionOfTheLatestWaveAsAPublication() throws IOException {
    Path dir = report(2026);
    String html = Files.readString(dir.resolve("index.html"));
    // 2026 has every figure's estimates, two waves for the trends and the pact's counts: one chart per figure.
    List<String> ids = new ArrayList<>(figures.figures().stream().map(ReportFigure::id).toList());
    ids.addAll(pactCharts);
    assertThat(specs(html)).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(html).doesNotContain("src=\"http", "href=\"http"); // nothing fetched: scripts are inline
    for (String id : ids) {
      assertThat(dir.resolve("svg").resolve(id + ".svg")).content().startsWith("<svg");
      assertThat(dir.resolve("csv").resolve(id + ".csv")).content().startsWith(id.startsWith("trend_")
          ? "series,wave,pct" : pactCharts.contains(id) ? "row,year,count,share" : "row,group,wave,pct");
    }

    HeadlessChromium chromium = chromium();
    HeadlessChromium.Output page = chromium.dumpDom(dir.resolve("index.html"));
    String dom = page.stdout();
    assertThat(dom).contains("<html lang=\"da\">", "<h1>AI-barometeret 2026</h1>", "Centrale nøgletal", "Metode");
    assertThat(count(dom, "<pre id=\"errors\" hidden=\"\"></pre>")).as(errors(dom)).isEqualTo(1);
    assertThat(page.stderr()).doesNotContain("Uncaught");
    // vega-embed draws each chart as an SVG of class "marks" and removes the pre-rendered one it replaces.
    assertThat(count(dom, "class=\"marks\"")).isEqualTo(ids.size());
    assertThat(count(dom, "id=\"static-")).isZero();
    String text = visibleText(dom);
    // Vega shortens a label it cannot fit with an ellipsis; the page wraps them instead.
    assertThat(text).doesNotContain("\u2026");
    assertThat(text).doesNotContain(warehouse.root(), TestSpark.confDir().toString(), "conf/", ".yaml", "/tmp/");
    for (String key : configurationKeys()) {
      assertThat(text).as("configuration key %s on the page", key).doesNotContain(key);
    }
    // Danish: decimal commas, never a decimal point, in every percentage of the text.
    assertThat(Pattern.compile("\\d+,\\d %").matcher(text).results().count()).isGreaterThan(100);
    assertThat(Pattern.compile("\\d\\.\\d+ ?%").matcher(text).results().map(m -> m.group()).toList()).isEmpty();
    assertThat(captions(dom).keySet()).containsExactlyInAnyOrderElementsOf(ids);
    captions(dom).forEach((id, note) -> assertThat(note).as(id).contains(pactCharts.contains(id)
        ? List.of("optalt, ikke skønnet", "ingen stikprøvefejl") : List.of("Population:", "svar i alt")));
    // The pact's change from 2025 (314,000 people upskilled by 74 partners) to 2026 (371,000 by 96), by hand.
    assertThat(text).contains("371.000 personer", "96 partnere", "57.000 flere end de 314.000 i 2025",
        "74 partnere i 2025; 22 er kommet til");
    Files.writeString(dir.resolve("rendered.html"), dom);
    chromium.screenshot(dir.resolve("index.html"), dir.resolve("first-screen.png"), 1280, 900);
  }

  @Test
  void everyGroupThatTooFewAnsweredIsNamedUnderItsChart() throws IOException {
    Path dir = report(2025);
    Optional<HeadlessChromium> chromium = HeadlessChromium.find();
    String dom = chromium.isPresent() ? chromium.get().dumpDom(dir.resolve("index.html")).stdout()
        : Files.readString(dir.resolve("index.html"));
    Map<String, String> captions = captions(dom);
    int named = 0;
    for (ReportFigure figure : figures.figures()) {
      if (figure.kind() == ChartKind.TREND) {
        continue;
      }
      for (String label : suppressedGroups(figure, 2025)) {
        assertThat(captions.get(figure.id())).as(figure.id()).contains("Ikke vist", label);
        named++;
      }
    }
    // The demo's public organisations with 50+ employees are too few, as in the published 2025 report (n = 29).
    assertThat(named).isPositive();
  }

  @Test
  void theEnglishEditionWritesEnglishNumbersAndWords() throws IOException {
    String html = Files.readString(report(2026, "--lang", "en").resolve("index.html"));
    String text = visibleText(html);
    assertThat(html).contains("<html lang=\"en\">", "<h1>The AI Impact Barometer 2026</h1>");
    assertThat(text).contains("Key figures", "Method", "Population:", "responses in all");
    assertThat(Pattern.compile("\\d+\\.\\d %").matcher(text).results().count()).isGreaterThan(100);
    assertThat(Pattern.compile("\\d,\\d %").matcher(text).results().map(m -> m.group()).toList()).isEmpty();
    assertThat(text).doesNotContain("Centrale nøgletal", "svar i alt");
  }

  @Test
  void theFirstWaveLeavesTheTrendSectionOutAndSaysOnceWhatWillFillIt() throws IOException {
    String html = Files.readString(report(2025).resolve("index.html"));
    List<String> shown = new ArrayList<>(figures.figures().stream().filter(f -> f.kind() != ChartKind.TREND)
        .map(ReportFigure::id).toList());
    shown.addAll(pactCharts);
    assertThat(specs(html)).containsExactlyInAnyOrderElementsOf(shown);
    assertThat(html).doesNotContain("id=\"trends\"", "href=\"#trends\"", "id=\"trend_");
    assertThat(count(html, "vises, når der er to bølger at sammenligne")).isEqualTo(1);
    assertThat(commands.out()).contains(shown.size() + " charts", "trend_employer");
  }

  @Test
  void thePdfIsPrintedWithChromium() throws IOException {
    chromium();
    Path dir = report(2025, "--format", "pdf", "--lang", "en");
    Path pdf = dir.resolve("barometer-2025-en.pdf");
    assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(Files.size(pdf)).isGreaterThan(100_000);
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
    // Stacked: the micro firms' answers add up to the whole bar.
    double end = 0;
    for (JsonNode v : values) {
      if (v.get("row").asText().equals("Mikro (1-9 ansatte)")) {
        end = Math.max(end, v.get("end").asDouble());
      }
    }
    assertThat(end).isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.5));

    // Every low-reliability estimate of the figure is flagged 'u' in its bar, and only those.
    long low = rows.stream().filter(r -> r.<String>getAs("reliability").equals("low")).count();
    long flagged = 0;
    for (JsonNode v : values) {
      flagged += v.get("flag").asText().equals("u") ? 1 : 0;
    }
    assertThat(flagged).isEqualTo(low);
  }

  @Test
  void thePactSectionSetsThePartnersCountsBesideTheBarometersEstimatesEachMarkedWithItsSourceAndKind()
      throws IOException {
    chromium();
    Row upskilled = warehouse.read(Table.INDICATORS).where("wave = 2025 AND survey = 'employee' AND indicator_id = "
        + "'upskilled' AND domain = 'total' AND category = 'yes'").first();
    for (ReportLanguage edition : ReportLanguage.values()) {
      boolean da = edition == ReportLanguage.DA;
      Path dir = report(2025, "--lang", da ? "da" : "en");
      String dom = chromium().dumpDom(dir.resolve("index.html")).stdout();
      String section = section(dom, "pact");
      String text = visibleText(section);
      // The talk's published figures of 2025, as the demo's configuration sets them.
      assertThat(text).contains(da ? "AI-kompetencepagten" : "The AI competence pact",
          da ? "314.000 personer" : "314,000 people", da ? "74 partnere" : "74 partners");
      assertThat(text).doesNotContain(da ? "flere end" : "more than"); // no year before 2025
      // Each column names its source and kind: the pact's counted, the barometer's estimated with an interval.
      assertThat(visibleText(cell(section, "th", "counted"))).contains(da
          ? "optalt af partnerne, ingen stikprøvefejl" : "counted by the partners, no sampling error");
      assertThat(visibleText(cell(section, "th", "estimated"))).contains(da
          ? "skønnet, 95 %-konfidensinterval" : "estimated, 95 % CI");
      // The first topic, AI upskilling: the pact's count beside the barometer's share with its interval.
      Locale locale = da ? Locale.forLanguageTag("da-DK") : Locale.UK;
      String estimate = String.format(locale, "%.1f %% (%.1f\u2013%.1f %%)", percent(upskilled, "estimate"),
          percent(upskilled, "ci_low"), percent(upskilled, "ci_high"));
      assertThat(visibleText(cell(section, "td", "counted")).trim()).isEqualTo(da ? "314.000 personer"
          : "314,000 people");
      assertThat(visibleText(cell(section, "td", "estimated")).trim()).isEqualTo(estimate);

      // The chart of people upskilled by form draws the rows of pact_figures, drawn by Vega without an error.
      List<Long> counts = warehouse.read(Table.PACT_FIGURES).where("year = 2025 AND figure = 'people_upskilled' "
          + "AND dimension = 'form'").collectAsList().stream().map(r -> ((Number) r.getAs("count")).longValue())
          .sorted().toList();
      JsonNode bars = spec(Files.readString(dir.resolve("index.html")), "pact_people_by_form").at("/data/values");
      List<Long> drawn = new ArrayList<>();
      bars.forEach(b -> drawn.add(b.get("count").asLong()));
      assertThat(drawn.stream().sorted().toList()).isEqualTo(counts);
      assertThat(drawn.stream().mapToLong(Long::longValue).sum()).isEqualTo(314_000L);
      assertThat(count(dom, "<pre id=\"errors\" hidden=\"\"></pre>")).as(errors(dom)).isEqualTo(1);
      assertThat(section).contains("class=\"marks\"").doesNotContain("id=\"static-");
    }
  }

  @Test
  void aWarehouseWithoutPactFiguresLeavesThePactSectionOutAndSaysOnceWhatWillFillIt() throws IOException {
    Path copy = TestFiles.copyTree(Path.of(warehouse.root()), TestSpark.tempDir("report-no-pact").resolve("wh"));
    for (Table table : List.of(Table.PACT_PARTNERS, Table.PACT_UPSKILLINGS, Table.PACT_FIGURES,
        Table.PACT_REJECTS)) {
      TestFiles.deleteTree(copy.resolve(table.tableName()));
    }
    QueryZones.drop(); // the catalog holds the demo warehouse's pact tables by name
    try {
      String html = Files.readString(report(copy.toString(), 2025).resolve("index.html"));
      assertThat(html).doesNotContain("id=\"pact\"", "href=\"#pact\"", "id=\"pact_");
      assertThat(count(html, "når partnerne har indberettet for året")).isEqualTo(1);
      assertThat(commands.out()).contains(pactCharts.get(0));
    } finally {
      QueryZones.drop();
    }
  }

  @Test
  void aWaveNotInTheWarehouseIsAUsageErrorNamingTheWavesThere() {
    assertThat(commands.run("report", warehouse.root(), "--wave", "2024", "--out",
        TestSpark.tempDir("report-2024").toString())).isEqualTo(2);
    assertThat(commands.err()).contains("Wave 2024 is not in the warehouse", "[2025, 2026]");
    assertThat(commands.run("report", warehouse.root(), "--wave", "2025", "--lang", "de")).isEqualTo(2);
    assertThat(commands.err()).contains("--lang is one of da, en, not 'de'");
  }

  /** The estimate's {@code column} in percent as the views round it: one decimal. */
  private static double percent(Row row, String column) {
    return Math.round(1000 * row.<Double>getAs(column)) / 10.0;
  }

  /** The section of the page with {@code id}. */
  private static String section(String dom, String id) {
    Matcher m = Pattern.compile("<section class=\"chapter\" id=\"" + id + "\">.*?</section>", Pattern.DOTALL)
        .matcher(dom);
    assertThat(m.find()).as("section %s on the page", id).isTrue();
    return m.group();
  }

  /** The first {@code th} or {@code td} of {@code html} marked with {@code kind}. */
  private static String cell(String html, String tag, String kind) {
    Matcher m = Pattern.compile("<" + tag + "[^>]*data-kind=\"" + kind + "\"[^>]*>(.*?)</" + tag + ">",
        Pattern.DOTALL).matcher(html);
    assertThat(m.find()).as("%s of kind %s", tag, kind).isTrue();
    return m.group(1);
  }

  /** The labels of the figure's domain values whose estimates of every series are suppressed in {@code wave}. */
  private List<String> suppressedGroups(ReportFigure figure, int wave) {
    String series = figure.series().stream().map(s -> "(survey = '" + s.survey() + "' AND indicator_id = '"
        + s.indicator() + "')").collect(Collectors.joining(" OR "));
    String domains = figure.domains().stream().map(d -> "'" + d + "'").collect(Collectors.joining(", "));
    List<Row> groups = warehouse.read(Table.INDICATORS).where("wave = " + wave + " AND (" + series + ") AND domain IN ("
            + domains + ")").groupBy("domain", "domain_value")
        .agg(org.apache.spark.sql.functions.expr("bool_and(reliability = 'suppressed')").alias("hidden"))
        .where("hidden").collectAsList();
    List<String> labels = new ArrayList<>();
    for (Row g : groups) {
      if (!figure.domainValues().isEmpty() && !figure.domainValues().contains(g.getString(1))) {
        continue;
      }
      config.domainValues().stream()
          .filter(v -> v.domain().equals(g.getString(0)) && v.value().equals(g.getString(1)))
          .map(v -> v.label().da()).forEach(labels::add);
    }
    return labels;
  }

  /** Keys of conf/ a reader should never see: figure ids, indicator ids, domain names with an underscore. */
  private static Set<String> configurationKeys() {
    IndicatorCatalog catalog = config.indicators();
    Set<String> keys = new TreeSet<>();
    figures.figures().forEach(f -> keys.add(f.id()));
    catalog.indicators().forEach(i -> keys.add(i.id()));
    keys.addAll(catalog.domains().keySet());
    config.domainValues().stream().map(DomainValue::value).forEach(keys::add);
    figures.figures().stream().flatMap(f -> f.series().stream()).map(ReportSeries::survey)
        .forEach(s -> keys.add(s + "/"));
    keys.addAll(pactCharts);
    PactCodebook pact = PactCodebook.load(config);
    pact.besideBarometer().forEach(t -> keys.add(t.topic()));
    keys.addAll(pact.formCodes());
    keys.addAll(pact.targetGroupCodes());
    keys.addAll(List.of("people_upskilled", "production_firms", "target_group"));
    keys.removeIf(k -> !k.contains("_") && !k.endsWith("/"));
    return keys;
  }

  private static HeadlessChromium chromium() {
    Optional<HeadlessChromium> chromium = HeadlessChromium.find();
    assumeTrue(chromium.isPresent(), "Chromium is not installed (apt-get install chromium)");
    return chromium.get();
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

  /** The note under each figure, by figure id. */
  private static Map<String, String> captions(String dom) {
    Map<String, String> captions = new LinkedHashMap<>();
    CAPTION.matcher(dom).results().forEach(m -> captions.put(m.group(1), unescape(m.group(2))));
    return captions;
  }

  /** What a reader sees: the page without its scripts, styles, JSON data and tags. */
  private static String visibleText(String html) {
    String text = html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ")
        .replaceAll("(?s)<[^>]+>", " ");
    return unescape(text).replaceAll("\\s+", " ");
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  private static long count(String text, String what) {
    return Pattern.compile(Pattern.quote(what)).matcher(text).results().count();
  }

  private static String errors(String dom) {
    Matcher m = Pattern.compile("<pre id=\"errors\"[^>]*>(.*?)</pre>", Pattern.DOTALL).matcher(dom);
    return m.find() ? "script errors: " + m.group(1) : "no #errors element";
  }
}
