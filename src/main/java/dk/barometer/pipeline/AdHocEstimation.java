package dk.barometer.pipeline;

import static org.apache.spark.sql.functions.col;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.DomainDefinition;
import dk.barometer.config.IndicatorCatalog;
import dk.barometer.config.Role;
import dk.barometer.config.SurveyCodebook;
import dk.barometer.estimation.DisclosureControl;
import dk.barometer.weighting.DesignWeights;
import dk.barometer.weighting.SurveyWeighting;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * An indicator the catalogue does not hold, estimated on one survey of a wave as the warehouse stores it, by the
 * steps a run takes ({@link SurveyEstimation}): the harmonised responses with the weights the run wrote, then the
 * indicator with its standard error, interval and reliability. Only aggregate rows leave it, and what they show
 * depends on who asks: an engineer sees every estimate (as {@code raw.indicators} holds them), a researcher the
 * estimates less the suppressed ones (as the published views), an analyst those that {@link DisclosureControl}
 * lets through, or a refusal.
 *
 * <p>Reads the microdata: run it in a session without the access guard, with conditions checked beforehand
 * ({@link BarometerConfig#checkRequest}, and the guard on {@link #conditionColumns}).
 */
public final class AdHocEstimation {
  /** The columns of an ad-hoc estimate's rows. */
  public static final StructType SCHEMA = new StructType().add("wave", DataTypes.IntegerType)
      .add("survey", DataTypes.StringType).add("indicator_id", DataTypes.StringType)
      .add("domain", DataTypes.StringType).add("domain_value", DataTypes.StringType)
      .add("category", DataTypes.StringType).add("pct", DataTypes.DoubleType)
      .add("ci_low_pct", DataTypes.DoubleType).add("ci_high_pct", DataTypes.DoubleType)
      .add("se_pct", DataTypes.DoubleType).add("base_n", DataTypes.LongType)
      .add("reliability", DataTypes.StringType).add("estimate", DataTypes.DoubleType)
      .add("se", DataTypes.DoubleType).add("ci_low", DataTypes.DoubleType).add("ci_high", DataTypes.DoubleType)
      .add("df", DataTypes.LongType);
  private static final List<String> WEIGHT_COLUMNS = List.of(DesignWeights.DESIGN_WEIGHT,
      SurveyWeighting.RAKE_FACTOR, SurveyWeighting.WEIGHT, DesignWeights.STRATUM_POPULATION);
  private static final String RESPONDENT_ID = "respondent_id";
  private static final String SUPPRESSED = "suppressed";

  private final BarometerConfig config;
  private final int wave;
  private final String survey;
  private final Dataset<Row> respondents;

  /** The stored {@code wave} of {@code survey} in {@code warehouse}. */
  public AdHocEstimation(BarometerConfig config, Warehouse warehouse, int wave, String survey) {
    this.config = config;
    this.wave = wave;
    this.survey = survey;
    SurveyCodebook concepts = config.codebook(wave).harmonised().survey(survey);
    List<String> answerable = new ArrayList<>(concepts.classifications());
    answerable.add(config.settings().survey(survey).stratum());
    concepts.questions().forEach(q -> answerable.add(q.id()));
    Dataset<Row> responses = warehouse.read(Table.responses(survey)).where(col("wave").equalTo(wave));
    Set<String> stored = Set.of(responses.columns());
    Dataset<Row> weights = warehouse.read(Table.WEIGHTS)
        .where(col("wave").equalTo(wave).and(col("survey").equalTo(survey)))
        .select(Stream.concat(Stream.of(RESPONDENT_ID), WEIGHT_COLUMNS.stream()).map(c -> col(c))
            .toArray(Column[]::new));
    // Only what a condition may name, and the weights: never the respondent id, which the join alone needs.
    this.respondents = responses.join(weights, RESPONDENT_ID)
        .select(Stream.concat(answerable.stream().filter(stored::contains), WEIGHT_COLUMNS.stream())
            .map(c -> col(c)).toArray(Column[]::new));
  }

  /** Whether the warehouse holds respondents of the survey in the wave. */
  public boolean stored() {
    return !respondents.isEmpty();
  }

  /** The columns a condition may name, as the estimate evaluates it: for checking conditions on no rows. */
  public StructType conditionColumns() {
    StructType columns = new StructType();
    for (var field : respondents.schema().fields()) {
      if (!WEIGHT_COLUMNS.contains(field.name())) {
        columns = columns.add(field);
      }
    }
    return columns;
  }

  /** The outcome of a request: its rows, or the restriction that made it refused (for an analyst). */
  public record Outcome(Dataset<Row> rows, Optional<DisclosureControl.NarrowRestriction> refused) {}

  /** {@code request} (one indicator of this survey and its domains) estimated, as {@code role} may see it. */
  public Outcome estimate(IndicatorCatalog request, Role role) {
    DisclosureControl control = new DisclosureControl(config.settings().reliability());
    boolean analyst = role == Role.ANALYST;
    IndicatorCatalog estimated = analyst ? control.withReferences(request) : request;
    SurveyEstimation steps = SurveyEstimation.of(config, wave, survey, estimated);
    Dataset<Row> indicators = steps.indicators(steps.stored(respondents), UnaryOperator.identity()).orElseThrow();
    // Aggregate rows only: a few per domain value and category.
    Map<DisclosureControl.Key, Row> byKey = new LinkedHashMap<>();
    Map<DisclosureControl.Key, Long> baseN = new LinkedHashMap<>();
    for (Row r : indicators.select("indicator_id", "domain", "domain_value", "category", "estimate", "se", "ci_low",
        "ci_high", "df", "base_n", "reliability").collectAsList()) {
      DisclosureControl.Key key = new DisclosureControl.Key(r.getString(0), r.getString(1), r.getString(2),
          r.getString(3));
      byKey.put(key, r);
      baseN.put(key, r.getLong(9));
    }
    if (analyst) {
      Optional<DisclosureControl.NarrowRestriction> narrow = control.narrowRestriction(request, baseN);
      if (narrow.isPresent()) {
        return new Outcome(indicators.sparkSession().createDataFrame(List.of(), SCHEMA), narrow);
      }
    }
    Set<DisclosureControl.Key> suppressed = analyst ? control.suppressed(request, baseN)
        : role.mayWrite() ? Set.of() : byKey.keySet().stream()
            .filter(k -> SUPPRESSED.equals(byKey.get(k).getString(10))).collect(Collectors.toSet());
    List<String> domains = request.indicators().get(0).domains();
    List<Row> rows = byKey.entrySet().stream()
        .filter(e -> DisclosureControl.requested(request, e.getKey()))
        .sorted(Comparator.comparing((Map.Entry<DisclosureControl.Key, Row> e) -> domains.indexOf(e.getKey().domain()))
            .thenComparing(e -> order(request, e.getKey())).thenComparing(e -> e.getKey().category()))
        .map(e -> row(e.getValue(), suppressed.contains(e.getKey()))).toList();
    return new Outcome(indicators.sparkSession().createDataFrame(rows, SCHEMA), Optional.empty());
  }

  /**
   * A domain value's place: a group's in the domain's list of groups, a classification's code in the order of
   * {@code conf/} (size classes micro to large), else the value itself (a question's codes).
   */
  private String order(IndicatorCatalog request, DisclosureControl.Key key) {
    DomainDefinition domain = request.domains().get(key.domain());
    List<String> values = domain.isGrouped() ? domain.groups().stream().map(g -> g.value()).toList()
        : domain.variable() != null && config.classifications().classifications().containsKey(domain.variable())
        ? config.classifications().get(domain.variable()).codeValues() : List.of();
    int place = values.indexOf(key.domainValue());
    return place < 0 ? key.domainValue() : String.format("%06d", place);
  }

  /** One estimate as shown: a suppressed one says so, and shows neither its values nor its base n. */
  private Row row(Row r, boolean suppressed) {
    if (suppressed) {
      return RowFactory.create(wave, survey, r.getString(0), r.getString(1), r.getString(2), r.getString(3), null,
          null, null, null, null, SUPPRESSED, null, null, null, null, null);
    }
    Double estimate = (Double) r.get(4);
    Double se = (Double) r.get(5);
    Double low = (Double) r.get(6);
    Double high = (Double) r.get(7);
    return RowFactory.create(wave, survey, r.getString(0), r.getString(1), r.getString(2), r.getString(3),
        percent(estimate, 1), percent(low, 1), percent(high, 1), percent(se, 2), r.get(9), r.getString(10), estimate,
        se, low, high, r.get(8));
  }

  /** As the labelled views round: 100 x, to {@code decimals} (half up). */
  private static Double percent(Double share, int decimals) {
    return share == null ? null : BigDecimal.valueOf(100 * share).setScale(decimals, RoundingMode.HALF_UP)
        .doubleValue();
  }
}
