package dk.barometer.query;

import dk.barometer.config.BarometerConfig;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * The warehouse as query sessions see it, in three zones (conf/access.yaml says which role reads which):
 *
 * <ul>
 *   <li>{@code raw}: the Delta tables themselves, by location, with their history (time travel);
 *   <li>{@code microdata}: respondent-level views in which no raw respondent id is left, only the pseudonym where the
 *       warehouse has one, and the labelled responses views;
 *   <li>the default database, published: aggregates whose suppressed estimates are left out (a comparison with
 *       either group suppressed), the runs without their input paths, the AI competence pact's partners, reports
 *       and figures (counts the partners reported, organisations' names included: no person is in them), and the
 *       labelled views {@code v_indicators}, {@code v_trends}, {@code v_comparisons} and {@code v_pact_barometer}.
 * </ul>
 *
 * <p>Catalog views, not temporary ones, so that every session of the SparkContext (a Spark Connect client's
 * included) sees them. Register in an unguarded session: creating them is the job's own DDL.
 */
public final class QueryCatalog {
  public static final String RAW = "raw";
  public static final String MICRODATA = "microdata";
  /** The keyed hash that replaces a respondent's id below engineer, where the warehouse has it. */
  public static final String PSEUDONYM = "respondent_pseudonym";
  private static final String RESPONDENT_ID = "respondent_id";
  /** Columns of runs that name the input files, left out of the published runs. */
  private static final Set<String> INPUT_COLUMNS = Set.of("input_paths", "input_checksums");

  /**
   * The pact's published tables, each with its description: the partners' own counts, never survey estimates.
   * Its rejects stay in the raw zone, for the engineers who fix a delivery.
   */
  private static final Map<Table, String> PACT_TABLES = new EnumMap<>(Map.of(
      Table.PACT_PARTNERS, "AI competence pact partners of each reporting year (organisations), as they reported "
          + "themselves; no person is named",
      Table.PACT_UPSKILLINGS, "Upskilling reports of the AI competence pact partners: people upskilled as each "
          + "partner counted them; totals, not survey estimates: no weights, no standard errors",
      Table.PACT_FIGURES, "AI competence pact headline figures: sums of the counts the partners reported, with the "
          + "change from the previous year as the warehouse holds it; totals, not survey estimates: no weights, no "
          + "standard errors"));

  /**
   * The pact's figures with the change from the year before, computed when read from the two years' rows as the
   * warehouse holds them now: rerunning a year changes the next year's change with it. Columns that an older
   * warehouse stored for the change are not read.
   */
  private static final String PACT_FIGURES_WITH_CHANGE = "SELECT f.year, f.figure, f.dimension, f.value, f.count, "
      + "f.share, p.year AS previous_year, p.count AS previous_count, p.share AS previous_share, "
      + "f.count - p.count AS change_count, f.share - p.share AS change_share, f.run_id\n"
      + "FROM " + raw(Table.PACT_FIGURES) + " f LEFT JOIN " + raw(Table.PACT_FIGURES) + " p ON p.year = f.year - 1 "
      + "AND p.figure = f.figure AND p.dimension = f.dimension AND p.value = f.value";

  private final BarometerConfig config;

  public QueryCatalog(BarometerConfig config) {
    this.config = config;
  }

  /** Registers every zone over the tables {@code warehouse} holds; returns the relations, by their name in SQL. */
  public List<String> register(SparkSession spark, Warehouse warehouse) {
    return register(spark, warehouse, name -> true);
  }

  /**
   * Registers the relations of the zones that {@code named} names (as statements name them: any case, optionally
   * under {@code spark_catalog} or {@code default}) and those they are views over, and nothing else: a statement
   * reads its relations without waiting for every Delta log of the warehouse to be read and every view analysed.
   * A name outside the zones is left alone.
   */
  public List<String> register(SparkSession spark, Warehouse warehouse, Set<String> named) {
    Set<String> wanted = new HashSet<>();
    named.forEach(name -> wanted.addAll(withSources(name)));
    return register(spark, warehouse, wanted::contains);
  }

  private List<String> register(SparkSession spark, Warehouse warehouse, Predicate<String> wanted) {
    List<String> registered = new ArrayList<>();
    spark.sql("CREATE DATABASE IF NOT EXISTS " + RAW + " COMMENT 'the Delta tables as written (engineer)'");
    spark.sql("CREATE DATABASE IF NOT EXISTS " + MICRODATA
        + " COMMENT 'respondent-level views with pseudonyms instead of ids (researcher)'");
    for (Table table : Table.values()) {
      if (wanted.test(raw(table)) && warehouse.exists(table)) {
        spark.sql(String.format("CREATE TABLE IF NOT EXISTS %s USING delta LOCATION '%s'", raw(table),
            warehouse.path(table).replace("\\", "\\\\").replace("'", "\\'")));
        registered.add(raw(table));
      }
    }
    registered.addAll(published(spark, warehouse, wanted));
    registered.addAll(microdata(spark, warehouse, wanted));
    registered.addAll(new LabelledViews(config).create(spark, warehouse, wanted));
    return registered;
  }

  /**
   * {@code name} as the zones name it, with the relations it is a view over: a published table or labelled view
   * reads its raw table ({@code v_indicators}: {@code raw.indicators}), a microdata view its raw table, a labelled
   * microdata view ({@code microdata.v_responses_employee_da}) the microdata view under it.
   */
  static Set<String> withSources(String name) {
    String relation = name.toLowerCase(Locale.ROOT).replaceFirst("^spark_catalog\\.", "")
        .replaceFirst("^default\\.", "");
    Set<String> relations = new HashSet<>(Set.of(relation));
    if (relation.equals(LabelledViews.PACT_BAROMETER)) {
      relations.addAll(Set.of(RAW + "." + Table.PACT_FIGURES.tableName(), RAW + "." + Table.INDICATORS.tableName()));
    } else if (relation.startsWith(MICRODATA + ".")) {
      String view = relation.substring(MICRODATA.length() + 1);
      String table = view.startsWith(LabelledViews.VIEW_PREFIX) ? LabelledViews.labelledTable(view) : view;
      relations.addAll(Set.of(MICRODATA + "." + table, RAW + "." + table));
    } else if (!relation.startsWith(RAW + ".")) {
      relations.add(RAW + "." + (relation.startsWith(LabelledViews.VIEW_PREFIX)
          ? LabelledViews.labelledTable(relation) : relation));
    }
    return relations;
  }

  private List<String> published(SparkSession spark, Warehouse warehouse, Predicate<String> wanted) {
    List<String> views = new ArrayList<>();
    if (wanted.test(Table.INDICATORS.tableName()) && warehouse.exists(Table.INDICATORS)) {
      views.add(view(spark, Table.INDICATORS.tableName(), "SELECT * FROM " + raw(Table.INDICATORS)
          + " WHERE reliability <> 'suppressed'"));
    }
    if (wanted.test(Table.TRENDS.tableName()) && warehouse.exists(Table.TRENDS)) {
      views.add(view(spark, Table.TRENDS.tableName(), "SELECT * FROM " + raw(Table.TRENDS)
          + " WHERE reliability <> 'suppressed' AND previous_reliability <> 'suppressed'"));
    }
    if (wanted.test(Table.COMPARISONS.tableName()) && warehouse.exists(Table.COMPARISONS)) {
      views.add(view(spark, Table.COMPARISONS.tableName(), "SELECT * FROM " + raw(Table.COMPARISONS)
          + " WHERE reliability <> 'suppressed'"));
    }
    if (wanted.test(Table.WEIGHT_DIAGNOSTICS.tableName()) && warehouse.exists(Table.WEIGHT_DIAGNOSTICS)) {
      views.add(view(spark, Table.WEIGHT_DIAGNOSTICS.tableName(), "SELECT * FROM " + raw(Table.WEIGHT_DIAGNOSTICS)));
    }
    if (wanted.test(Table.RUNS.tableName()) && warehouse.exists(Table.RUNS)) {
      views.add(view(spark, Table.RUNS.tableName(), select(spark, Table.RUNS, c -> INPUT_COLUMNS.contains(c) ? null
          : quoted(c))));
    }
    for (Map.Entry<Table, String> pact : PACT_TABLES.entrySet()) {
      Table table = pact.getKey();
      if (wanted.test(table.tableName()) && warehouse.exists(table)) {
        spark.sql("CREATE OR REPLACE VIEW " + table.tableName() + " COMMENT '" + pact.getValue() + "' AS "
            + (table == Table.PACT_FIGURES ? PACT_FIGURES_WITH_CHANGE : "SELECT * FROM " + raw(table)));
        views.add(table.tableName());
      }
    }
    return views;
  }

  private List<String> microdata(SparkSession spark, Warehouse warehouse, Predicate<String> wanted) {
    List<String> views = new ArrayList<>();
    List<Table> respondentTables = Stream.concat(config.settings().surveys().keySet().stream().map(Table::responses),
        Stream.of(Table.WEIGHTS, Table.REPLICATE_WEIGHTS, Table.REJECTS)).toList();
    for (Table table : respondentTables) {
      if (wanted.test(microdata(table)) && warehouse.exists(table)) {
        views.add(view(spark, microdata(table), select(spark, table, c -> withoutRespondentId(table, c))));
      }
    }
    return views;
  }

  /**
   * A column of a respondent-level table below engineer: the raw id is left out, and so is a reject's raw value
   * where the faulty column was the id (a duplicate or non-numeric id is delivered as it was).
   */
  private static String withoutRespondentId(Table table, String column) {
    if (column.equals(RESPONDENT_ID)) {
      return null;
    }
    if (table == Table.REJECTS && column.equals("value")) {
      return "CASE WHEN `column` = '" + RESPONDENT_ID + "' THEN NULL ELSE `value` END AS `value`";
    }
    return quoted(column);
  }

  /** SELECT of {@code table}'s columns, each as {@code column} maps it (null: left out), from the raw table. */
  private static String select(SparkSession spark, Table table, Function<String, String> column) {
    return Stream.of(spark.table(raw(table)).columns()).map(column).filter(c -> c != null)
        .collect(Collectors.joining(", ", "SELECT ", " FROM " + raw(table)));
  }

  private static String view(SparkSession spark, String name, String query) {
    spark.sql("CREATE OR REPLACE VIEW " + name + " AS " + query);
    return name;
  }

  public static String raw(Table table) {
    return RAW + "." + table.tableName();
  }

  public static String microdata(Table table) {
    return MICRODATA + "." + table.tableName();
  }

  private static String quoted(String column) {
    return "`" + column.replace("`", "``") + "`";
  }
}
