package dk.barometer.query;

import dk.barometer.config.AnswerCode;
import dk.barometer.config.BarometerConfig;
import dk.barometer.config.CategoryCode;
import dk.barometer.config.Classification;
import dk.barometer.config.Codebook;
import dk.barometer.config.IndicatorCategory;
import dk.barometer.config.IndicatorDefinition;
import dk.barometer.config.PactCodebook;
import dk.barometer.config.Question;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/**
 * The views that speak in labels from {@code conf/}: in the published zone {@code v_indicators},
 * {@code v_trends} and {@code v_comparisons} (Danish and English labels of indicator, domain value and category; percentages with their
 * interval; suppressed estimates left out), over the raw tables; in the microdata zone
 * {@code microdata.v_responses_<survey>} / {@code microdata.v_responses_<survey>_da} (answers and classifications as
 * English / Danish labels instead of codes), over the microdata views, so with the pseudonym and never the raw id.
 *
 * <p>The labels are inlined into each view as a VALUES list, so the views are ordinary catalog views that any
 * session of the server sees (a Spark Connect client included), with no label table to keep in step. Labels come
 * from the latest wave asking each concept.
 */
public final class LabelledViews {
  public static final String INDICATORS = "v_indicators";
  public static final String TRENDS = "v_trends";
  public static final String COMPARISONS = "v_comparisons";
  /** The AI competence pact's counts beside the barometer's estimates on the same topics, year by year. */
  public static final String PACT_BAROMETER = "v_pact_barometer";
  /** What every labelled view's name begins with: {@code v_} and the name of the table it labels. */
  static final String VIEW_PREFIX = "v_";
  /** Columns of both views giving the order of conf/, in which reports and tables show the values. */
  public static final String DOMAIN_VALUE_ORDER = "domain_value_order";
  public static final String CATEGORY_ORDER = "category_order";
  private static final String ORDER_COLUMNS = "CAST(dl.position AS INT) AS " + DOMAIN_VALUE_ORDER
      + ", CAST(cl.position AS INT) AS " + CATEGORY_ORDER;

  private final BarometerConfig config;

  public LabelledViews(BarometerConfig config) {
    this.config = config;
  }

  /**
   * Creates or replaces every view that {@code wanted} accepts and whose table exists in {@code warehouse}, once
   * {@link QueryCatalog} has registered the raw tables and microdata views in this session's catalog.
   */
  List<String> create(SparkSession spark, Warehouse warehouse, Predicate<String> wanted) {
    List<String> created = new ArrayList<>();
    if (wanted.test(INDICATORS) && warehouse.exists(Table.INDICATORS)) {
      spark.sql(indicatorsView(Set.of(spark.table(QueryCatalog.raw(Table.INDICATORS)).columns())));
      created.add(INDICATORS);
    }
    if (wanted.test(TRENDS) && warehouse.exists(Table.TRENDS)) {
      spark.sql(trendsView(Set.of(spark.table(QueryCatalog.raw(Table.TRENDS)).columns())));
      created.add(TRENDS);
    }
    if (wanted.test(COMPARISONS) && warehouse.exists(Table.COMPARISONS)) {
      spark.sql(comparisonsView());
      created.add(COMPARISONS);
    }
    if (wanted.test(PACT_BAROMETER) && warehouse.exists(Table.PACT_FIGURES)) {
      spark.sql(pactBarometerView(PactCodebook.load(config), warehouse.exists(Table.INDICATORS)));
      created.add(PACT_BAROMETER);
    }
    for (String survey : config.settings().surveys().keySet()) {
      Table table = Table.responses(survey);
      Map<Language, String> views = new EnumMap<>(Language.class);
      for (Language language : Language.values()) {
        String view = QueryCatalog.MICRODATA + "." + VIEW_PREFIX + table.tableName() + language.suffix;
        if (wanted.test(view)) {
          views.put(language, view);
        }
      }
      if (!views.isEmpty() && warehouse.exists(table)) {
        Set<String> columns = Set.of(spark.table(QueryCatalog.microdata(table)).columns());
        views.forEach((language, view) -> spark.sql(responsesView(view, table, survey, columns, language)));
        created.addAll(views.values());
      }
    }
    return created;
  }

  /** The table that labelled view {@code view} (its name without a database) labels. */
  static String labelledTable(String view) {
    String table = view.substring(VIEW_PREFIX.length());
    for (Language language : Language.values()) {
      if (!language.suffix.isEmpty() && table.endsWith(language.suffix)) {
        return table.substring(0, table.length() - language.suffix.length());
      }
    }
    return table;
  }

  /**
   * {@code v_indicators} over the indicators table with {@code columns}. A table written before the bootstrap
   * standard errors were (an older warehouse, until its waves run again) gives null there.
   */
  String indicatorsView(Set<String> columns) {
    String bootstrap = columns.contains("se_bootstrap") ? "round(100 * i.se_bootstrap, 2)" : "CAST(NULL AS DOUBLE)";
    return "CREATE OR REPLACE VIEW " + INDICATORS + " (" + String.join(", ",
        "wave COMMENT 'survey year'",
        "survey COMMENT 'employer or employee'",
        "indicator_id COMMENT 'indicator of conf/indicators.yaml (docs/indicators.md)'",
        "indicator_da", "indicator_en",
        "domain COMMENT 'breakdown: total, size_class, sector, ...'",
        "domain_value COMMENT 'code of the breakdown category; all for total'",
        "domain_value_da", "domain_value_en",
        "category COMMENT 'answer code (distribution), question (items) or yes (share, any)'",
        "category_da", "category_en",
        "pct COMMENT 'weighted estimate, percent, 1 decimal'",
        "ci_low_pct COMMENT '95 % confidence interval, lower end (logit), percent'",
        "ci_high_pct COMMENT '95 % confidence interval, upper end (logit), percent'",
        "se_pct COMMENT 'standard error, percentage points'",
        "se_bootstrap_pct COMMENT 'bootstrap standard error from the replicate weights, percentage points'",
        "base_n COMMENT 'unweighted respondents in the base'",
        "flag COMMENT 'u: low reliability (base below low_below)'",
        "series_break COMMENT 'why this wave is not comparable with the previous one, if it is not'",
        "estimate COMMENT 'weighted estimate, 0-1, unrounded'",
        "se COMMENT 'standard error, 0-1'",
        "run_id COMMENT 'run that wrote the row (runs table)'",
        DOMAIN_VALUE_ORDER + " COMMENT 'position of the domain value in conf/ (classification, groups): sort by it'",
        CATEGORY_ORDER + " COMMENT 'position of the category in conf/ (answer scale, question list): sort by it'")
        + ") AS\n"
        + "SELECT i.wave, i.survey, i.indicator_id, il.da AS indicator_da, il.en AS indicator_en, i.domain, "
        + "i.domain_value, dl.da AS domain_value_da, dl.en AS domain_value_en, i.category, cl.da AS category_da, "
        + "cl.en AS category_en, round(100 * i.estimate, 1) AS pct, round(100 * i.ci_low, 1) AS ci_low_pct, "
        + "round(100 * i.ci_high, 1) AS ci_high_pct, round(100 * i.se, 2) AS se_pct, " + bootstrap + " AS se_bootstrap_pct, i.base_n, "
        + "CASE WHEN i.reliability = 'low' THEN 'u' ELSE '' END AS flag, i.series_break, i.estimate, i.se, "
        + "i.run_id, " + ORDER_COLUMNS + "\n"
        + "FROM " + QueryCatalog.raw(Table.INDICATORS) + " i\n" + labelJoins("i")
        + "WHERE i.reliability <> 'suppressed'";
  }

  /**
   * {@code v_trends} over the trends table with {@code columns}. A table written before the adjusted p-value was
   * (an older warehouse, until {@code jobs/barometer trends} rewrites it) gives null there, and the report refuses
   * such changes rather than print them unmarked.
   */
  String trendsView(Set<String> columns) {
    String adjusted = columns.contains("p_adjusted")
        ? "round(t.p_adjusted, 4) AS p_adjusted, t.significant_adjusted"
        : "CAST(NULL AS DOUBLE) AS p_adjusted, CAST(NULL AS BOOLEAN) AS significant_adjusted";
    return "CREATE OR REPLACE VIEW " + TRENDS + " (" + String.join(", ",
        "survey", "indicator_id", "indicator_da", "indicator_en", "domain", "domain_value", "domain_value_da",
        "domain_value_en", "category", "category_da", "category_en",
        "previous_wave", "wave",
        "previous_pct COMMENT 'estimate in previous_wave, percent'",
        "pct COMMENT 'estimate in wave, percent'",
        "change_points COMMENT 'pct - previous_pct, percentage points'",
        "se_change_points COMMENT 'standard error of the change (independent samples)'",
        "p_value COMMENT 'two-sided z-test of no change, this change on its own'",
        "significant COMMENT 'p_value below 0.05, unadjusted'",
        "p_adjusted COMMENT 'p_value adjusted by Benjamini-Hochberg over the changes of the survey between the same two"
            + " waves'",
        "significant_adjusted COMMENT 'p_adjusted below 0.05: the significance the report marks'",
        "series_break COMMENT 'the question was reworded: the change may be the wording'",
        "break_reason", DOMAIN_VALUE_ORDER, CATEGORY_ORDER) + ") AS\n"
        + "SELECT t.survey, t.indicator_id, il.da AS indicator_da, il.en AS indicator_en, t.domain, t.domain_value, "
        + "dl.da AS domain_value_da, dl.en AS domain_value_en, t.category, cl.da AS category_da, "
        + "cl.en AS category_en, t.previous_wave, t.wave, round(100 * t.previous_estimate, 1) AS previous_pct, "
        + "round(100 * t.estimate, 1) AS pct, round(t.change_points, 1) AS change_points, "
        + "round(t.se_change_points, 2) AS se_change_points, round(t.p_value, 4) AS p_value, t.significant, "
        + adjusted + ", t.series_break, t.break_reason, " + ORDER_COLUMNS + "\n"
        + "FROM " + QueryCatalog.raw(Table.TRENDS) + " t\n" + labelJoins("t")
        + "WHERE t.reliability <> 'suppressed' AND t.previous_reliability <> 'suppressed'";
  }

  /**
   * {@code v_comparisons}: each comparison of two domains with the labels of indicator, category and both domain
   * values, the claim of conf/comparisons.yaml, percentages and percentage points; a comparison with either group
   * suppressed is left out.
   */
  String comparisonsView() {
    return "CREATE OR REPLACE VIEW " + COMPARISONS + " (" + String.join(", ",
        "wave", "survey",
        "comparison_id COMMENT 'comparison of conf/comparisons.yaml'",
        "claim COMMENT 'what the report states, from conf/comparisons.yaml'",
        "indicator_id", "indicator_da", "indicator_en", "category", "category_da", "category_en",
        "first_domain", "first_domain_value", "first_da", "first_en",
        "second_domain", "second_domain_value", "second_da", "second_en",
        "first_pct COMMENT 'estimate in the first group, percent'",
        "second_pct COMMENT 'estimate in the second group, percent'",
        "difference_points COMMENT 'first_pct - second_pct, percentage points (null: not a measure asked)'",
        "se_difference_points COMMENT 'standard error of the difference, covariance of the same sample included'",
        "difference_ci_low_points COMMENT '95 % interval of the difference, lower end (normal)'",
        "difference_ci_high_points COMMENT '95 % interval of the difference, upper end (normal)'",
        "difference_p COMMENT 'two-sided z-test of no difference'",
        "difference_p_adjusted COMMENT 'difference_p adjusted by Benjamini-Hochberg over the comparisons of the survey"
            + " in the wave'",
        "difference_significant_adjusted COMMENT 'difference_p_adjusted below 0.05'",
        "ratio COMMENT 'first / second (null: not a measure asked)'",
        "ratio_ci_low COMMENT '95 % interval of the ratio, lower end (delta method on the log scale)'",
        "ratio_ci_high COMMENT '95 % interval of the ratio, upper end'",
        "ratio_p COMMENT 'two-sided z-test of ratio 1'",
        "ratio_p_adjusted COMMENT 'ratio_p adjusted by Benjamini-Hochberg over the comparisons of the survey in the "
            + "wave'",
        "ratio_significant_adjusted COMMENT 'ratio_p_adjusted below 0.05'",
        "base_n_first", "base_n_second",
        "flag COMMENT 'u: low reliability (either base below low_below)'",
        "run_id") + ") AS\n"
        + "SELECT c.wave, c.survey, c.comparison_id, ml.claim, c.indicator_id, il.da AS indicator_da, "
        + "il.en AS indicator_en, c.category, cl.da AS category_da, cl.en AS category_en, c.first_domain, "
        + "c.first_domain_value, d1.da AS first_da, d1.en AS first_en, c.second_domain, c.second_domain_value, "
        + "d2.da AS second_da, d2.en AS second_en, round(100 * c.estimate_first, 1) AS first_pct, "
        + "round(100 * c.estimate_second, 1) AS second_pct, round(100 * c.difference, 1) AS difference_points, "
        + "round(100 * c.se_difference, 2) AS se_difference_points, "
        + "round(100 * c.difference_ci_low, 1) AS difference_ci_low_points, "
        + "round(100 * c.difference_ci_high, 1) AS difference_ci_high_points, "
        + "round(c.difference_p, 4) AS difference_p, round(c.difference_p_adjusted, 4) AS difference_p_adjusted, "
        + "c.difference_significant_adjusted, round(c.ratio, 2) AS ratio, "
        + "round(c.ratio_ci_low, 2) AS ratio_ci_low, round(c.ratio_ci_high, 2) AS ratio_ci_high, "
        + "round(c.ratio_p, 4) AS ratio_p, round(c.ratio_p_adjusted, 4) AS ratio_p_adjusted, "
        + "c.ratio_significant_adjusted, c.base_n_first, c.base_n_second, "
        + "CASE WHEN c.reliability = 'low' THEN 'u' ELSE '' END AS flag, c.run_id\n"
        + "FROM " + QueryCatalog.raw(Table.COMPARISONS) + " c\n"
        + claimJoin("c") + indicatorJoin("c") + domainJoin("c", "first_domain", "first_domain_value", "d1")
        + domainJoin("c", "second_domain", "second_domain_value", "d2") + categoryJoin("c")
        + "WHERE c.reliability <> 'suppressed'";
  }

  /**
   * {@code v_pact_barometer}: for each topic of {@code conf/pact.yaml}, the pact's figure (a count the partners
   * reported, or its share of their total: counted, no interval) and the barometer's estimate (weighted, with its 95 %
   * interval), each row marked with its source and kind. The barometer's rows come only when the warehouse
   * {@code withIndicators}.
   */
  String pactBarometerView(PactCodebook pact, boolean withIndicators) {
    List<List<String>> pactRows = new ArrayList<>();
    List<List<String>> barometerRows = new ArrayList<>();
    List<PactCodebook.BesideBarometer> topics = pact.besideBarometer();
    for (int i = 0; i < topics.size(); i++) {
      PactCodebook.BesideBarometer t = topics.get(i);
      if (t.pact() != null) {
        pactRows.add(List.of(t.topic(), t.da(), t.en(), t.pact().figure(), t.pact().dimension(), t.pact().value(),
            t.pact().measure(), String.valueOf(i)));
      }
      if (t.barometer() != null) {
        barometerRows.add(List.of(t.topic(), t.da(), t.en(), t.barometer().survey(), t.barometer().indicator(),
            t.barometer().category(), String.valueOf(i)));
      }
    }
    String counted = "SELECT f.year AS year, t.topic AS topic, t.da AS topic_da, t.en AS topic_en, 'pact' AS source, "
        + "'AI-kompetencepagtens partnere (egne opgørelser)' AS source_da, "
        + "'AI competence pact partners (own reports)' AS source_en, 'counted' AS kind, "
        + "CASE t.measure WHEN 'count' THEN 'people' ELSE 'percent' END AS unit, "
        + "CASE t.measure WHEN 'count' THEN CAST(f.count AS DOUBLE) ELSE round(100 * f.share, 1) END AS value, "
        + "CAST(NULL AS DOUBLE) AS ci_low_pct, CAST(NULL AS DOUBLE) AS ci_high_pct, CAST(NULL AS BIGINT) AS base_n, "
        + "CAST(t.position AS INT) AS topic_order\n"
        + "FROM " + QueryCatalog.raw(Table.PACT_FIGURES) + " f JOIN (VALUES " + values(pactRows) + ") AS "
        + "t(topic, da, en, figure, dimension, value, measure, position) ON f.figure = t.figure AND "
        + "f.dimension = t.dimension AND f.value = t.value";
    String estimated = "SELECT i.wave AS year, b.topic AS topic, b.da AS topic_da, b.en AS topic_en, "
        + "'barometer' AS source, 'AI Impact Barometeret (spørgeundersøgelse)' AS source_da, "
        + "'AI Impact Barometer (survey)' AS source_en, 'estimated' AS kind, 'percent' AS unit, "
        + "round(100 * i.estimate, 1) AS value, round(100 * i.ci_low, 1) AS ci_low_pct, "
        + "round(100 * i.ci_high, 1) AS ci_high_pct, CAST(i.base_n AS BIGINT) AS base_n, "
        + "CAST(b.position AS INT) AS topic_order\n"
        + "FROM " + QueryCatalog.raw(Table.INDICATORS) + " i JOIN (VALUES " + values(barometerRows) + ") AS "
        + "b(topic, da, en, survey, indicator_id, category, position) ON i.survey = b.survey AND "
        + "i.indicator_id = b.indicator_id AND i.category = b.category AND i.domain = 'total' "
        + "AND i.reliability <> 'suppressed'";
    boolean both = withIndicators && !barometerRows.isEmpty();
    return "CREATE OR REPLACE VIEW " + PACT_BAROMETER + " (" + String.join(", ",
        "year COMMENT 'reporting year of the pact; wave of the barometer'",
        "topic COMMENT 'topic of conf/pact.yaml (beside_barometer)'", "topic_da", "topic_en",
        "source COMMENT 'pact: the partners own reports; barometer: the survey'", "source_da", "source_en",
        "kind COMMENT 'counted: totals the partners reported, no weights and no standard error; estimated: a weighted "
            + "survey estimate of the population with its 95 % interval'",
        "unit COMMENT 'people (a count) or percent'",
        "value COMMENT 'the count, or the percent (1 decimal)'",
        "ci_low_pct COMMENT '95 % confidence interval, lower end; null for a count'",
        "ci_high_pct COMMENT '95 % confidence interval, upper end; null for a count'",
        "base_n COMMENT 'unweighted respondents of an estimate; null for a count'",
        "topic_order COMMENT 'position of the topic in conf/pact.yaml: sort by it'") + ") "
        + "COMMENT 'The counts of the AI competence pact beside the estimates of the barometer on the same topics. The "
        + "rows of the pact are totals the partners reported, not survey estimates: no weights, no standard errors.' "
        + "AS\n"
        + (pactRows.isEmpty() ? "" : counted) + (both && !pactRows.isEmpty() ? "\nUNION ALL\n" : "")
        + (both ? estimated : "");
  }

  String responsesView(String view, Table table, String survey, Set<String> columns, Language language) {
    List<String> select = new ArrayList<>(List.of("wave"));
    if (columns.contains(QueryCatalog.PSEUDONYM)) {
      select.add(QueryCatalog.PSEUDONYM);
    }
    for (String variable : config.codebook(latestWave()).survey(survey).classifications()) {
      if (columns.contains(variable)) {
        Map<String, Label> labels = new LinkedHashMap<>();
        for (CategoryCode c : classification(variable).codes()) {
          labels.put(c.code(), new Label(c.da(), c.en()));
        }
        select.add(caseOf(variable, labels, language, true) + " AS " + variable);
      }
    }
    for (String column : columns.stream().sorted().toList()) {
      Optional<Codebook> asking = config.latestAsking(survey, column);
      if (asking.isEmpty()) {
        continue;
      }
      Codebook codebook = asking.get();
      Question question = codebook.survey(survey).question(column).orElseThrow();
      Map<String, Label> labels = new LinkedHashMap<>();
      for (AnswerCode code : codebook.scaleOf(question)) {
        labels.put(String.valueOf(code.code()), new Label(code.da(), code.en()));
      }
      select.add(caseOf(column, labels, language, false) + " AS " + column);
    }
    return "CREATE OR REPLACE VIEW " + view + " AS SELECT " + String.join(", ", select) + " FROM "
        + QueryCatalog.microdata(table);
  }

  private String labelJoins(String alias) {
    return indicatorJoin(alias) + domainJoin(alias, "domain", "domain_value", "dl") + categoryJoin(alias);
  }

  private String indicatorJoin(String alias) {
    return "LEFT JOIN (VALUES " + values(indicatorLabels()) + ") AS il(survey, indicator_id, da, en) ON il.survey = "
        + alias + ".survey AND il.indicator_id = " + alias + ".indicator_id\n";
  }

  /** The labels and position of the domain value in columns {@code domain} and {@code value}, as {@code labels}. */
  private String domainJoin(String alias, String domain, String value, String labels) {
    return "LEFT JOIN (VALUES " + values(numbered(domainValueLabels())) + ") AS " + labels + "(domain, domain_value, "
        + "da, en, position) ON " + labels + ".domain = " + alias + "." + domain + " AND " + labels
        + ".domain_value = " + alias + "." + value + "\n";
  }

  private String categoryJoin(String alias) {
    return "LEFT JOIN (VALUES " + values(numbered(categoryLabels())) + ") AS cl(survey, indicator_id, category, da, en, "
        + "position) ON cl.survey = " + alias + ".survey AND cl.indicator_id = " + alias + ".indicator_id AND "
        + "cl.category = " + alias + ".category\n";
  }

  /** The claim of each comparison of conf/comparisons.yaml (an empty list joins nothing). */
  private String claimJoin(String alias) {
    List<List<String>> claims = config.comparisons().comparisons().stream()
        .map(c -> List.of(c.id(), c.claim() == null ? "" : c.claim())).toList();
    String rows = claims.isEmpty() ? "('', '')" : values(claims);
    return "LEFT JOIN (VALUES " + rows + ") AS ml(comparison_id, claim) ON ml.comparison_id = " + alias
        + ".comparison_id\n";
  }

  private List<List<String>> indicatorLabels() {
    return config.indicators().indicators().stream()
        .map(i -> List.of(i.survey(), i.id(), i.da(), i.en())).toList();
  }

  private List<List<String>> domainValueLabels() {
    return config.domainValues().stream()
        .map(v -> List.of(v.domain(), v.value(), v.label().da(), v.label().en())).toList();
  }

  private List<List<String>> categoryLabels() {
    List<List<String>> rows = new ArrayList<>();
    for (IndicatorDefinition indicator : config.indicators().indicators()) {
      String survey = indicator.survey();
      for (IndicatorCategory category : indicator.categories(concept -> config.latestAsking(survey, concept)
          .orElseThrow())) {
        rows.add(List.of(survey, indicator.id(), category.code(), category.da(), category.en()));
      }
    }
    return rows;
  }

  private Classification classification(String variable) {
    return config.classifications().get(variable);
  }

  private int latestWave() {
    return config.settings().waves().keySet().stream().max(Integer::compare).orElseThrow();
  }

  private static String caseOf(String column, Map<String, Label> labels, Language language, boolean text) {
    StringBuilder sql = new StringBuilder("CASE ").append(column);
    labels.forEach((code, label) -> sql.append(" WHEN ").append(text ? literal(code) : code).append(" THEN ")
        .append(literal(language == Language.DA ? label.da() : label.en())));
    // A code without a label (none, after validation) shows as itself rather than vanishing.
    return sql.append(" ELSE CAST(").append(column).append(" AS STRING) END").toString();
  }

  /** Each row with its position in {@code rows} appended: the labels are listed in the order of conf/. */
  private static List<List<String>> numbered(List<List<String>> rows) {
    List<List<String>> numbered = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      List<String> row = new ArrayList<>(rows.get(i));
      row.add(String.valueOf(i));
      numbered.add(row);
    }
    return numbered;
  }

  private static String values(List<List<String>> rows) {
    return rows.stream().map(r -> r.stream().map(LabelledViews::literal).collect(Collectors.joining(", ", "(", ")")))
        .collect(Collectors.joining(", "));
  }

  private static String literal(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private record Label(String da, String en) {}

  /** The language of a responses view's labels; Danish views carry the suffix. */
  enum Language {
    EN(""), DA("_da");

    private final String suffix;

    Language(String suffix) {
      this.suffix = suffix;
    }
  }
}
