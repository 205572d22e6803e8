package dk.barometer.query;

import static org.apache.spark.sql.functions.expr;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.DomainDefinition;
import dk.barometer.config.IndicatorCatalog;
import dk.barometer.config.IndicatorDefinition;
import dk.barometer.config.IndicatorType;
import dk.barometer.config.SqlSnippet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * What {@code estimate} is asked ({@link EstimateMessage}), read: one indicator of one survey with its domains, from
 * {@code --share}, {@code --base}, {@code --by} and {@code --where} (a condition indicator, broken down by the whole
 * population and each variable of {@code --by}, each restricted by {@code --where}) or from a {@code --definition}
 * file in the catalogue's form; with its conditions as written, where they were written, for checking them.
 */
record EstimateRequest(String survey, IndicatorCatalog catalog, List<SqlSnippet> conditions, List<String> breakdowns,
                       String source) {
  static final String COMMAND = "estimate";
  /** The indicator id and domain of a request made of options. */
  static final String AD_HOC = "ad_hoc";
  static final String TOTAL = "total";

  /** The request, its conditions and breakdowns checked as conf/'s are (exit 3). */
  static EstimateRequest of(EstimateMessage message, BarometerConfig config) {
    boolean expressions = Stream.of(message.survey(), message.share(), message.base(), message.by(),
        message.where()).anyMatch(Objects::nonNull);
    if (message.definition() != null && expressions) {
      throw QueryErrors.twoKindsOfRequest();
    }
    EstimateRequest request = message.definition() != null ? definition(message, config) : options(message);
    config.settings().survey(request.survey());
    config.checkRequest(message.wave(), request.survey(), request.conditions(), request.breakdowns(),
        request.source());
    return request;
  }

  private static EstimateRequest definition(EstimateMessage message, BarometerConfig config) {
    String file = message.definitionSource() == null ? "--definition" : message.definitionSource();
    IndicatorCatalog catalog = IndicatorCatalog.definition(file, message.definition());
    IndicatorDefinition indicator = catalog.indicators().get(0);
    List<String> breakdowns = indicator.domains().stream().map(d -> catalog.domains().get(d).variable())
        .filter(Objects::nonNull).distinct().toList();
    // Only the domains the indicator is broken down by are estimated.
    Map<String, DomainDefinition> used = new LinkedHashMap<>();
    indicator.domains().forEach(d -> used.put(d, catalog.domains().get(d)));
    IndicatorCatalog request = new IndicatorCatalog(catalog.version(), used, catalog.questionLists(),
        catalog.indicators());
    return new EstimateRequest(indicator.survey(), request, config.conditionsOf(request, file), breakdowns, file);
  }

  private static EstimateRequest options(EstimateMessage message) {
    String survey = message.survey();
    String share = message.share();
    if (survey == null || share == null) {
      throw QueryErrors.missingOption(survey == null ? "survey" : "share");
    }
    String base = message.base();
    String where = message.where();
    // Column names are lower case, and Spark finds them in any case; the estimate's domains take their own.
    List<String> by = Optional.ofNullable(message.by()).map(v -> Arrays.stream(v.split(",")).map(String::strip)
        .map(s -> s.toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).distinct().toList()).orElse(List.of());
    Map<String, DomainDefinition> domains = new LinkedHashMap<>();
    domains.put(TOTAL, new DomainDefinition(null, where, null));
    by.forEach(variable -> domains.put(variable, new DomainDefinition(variable, where, null)));
    IndicatorDefinition indicator = new IndicatorDefinition(AD_HOC, survey, IndicatorType.CONDITION, null, null,
        null, null, "Ad hoc-estimat", "Ad-hoc estimate", List.copyOf(domains.keySet()), share, base);
    List<SqlSnippet> conditions = new ArrayList<>(List.of(new SqlSnippet(COMMAND, "--share", share)));
    if (base != null) {
      conditions.add(new SqlSnippet(COMMAND, "--base", base));
    }
    if (where != null) {
      conditions.add(new SqlSnippet(COMMAND, "--where", where));
    }
    return new EstimateRequest(survey, new IndicatorCatalog("ad hoc", domains, null, List.of(indicator)),
        conditions, by, COMMAND + " --by");
  }

  /**
   * Every condition analysed as the rows' filter in {@code guarded}, a session of the asking role over no rows
   * with the columns the estimate's rows have: what the role may not run (reflect, a function of client code) is
   * refused as in {@code sql}, and a condition that is not a boolean of one row (an aggregate, a number) is named.
   */
  void vet(SparkSession guarded, StructType columns) {
    for (SqlSnippet condition : conditions) {
      try {
        guarded.createDataFrame(List.<Row>of(), columns).where(expr(condition.text()));
      } catch (Exception e) { // Spark's AnalysisException is checked for javac but undeclared
        if (AccessRefused.isRefusal(e)) {
          throw QueryErrors.refusedCondition(condition.source(), condition.key(), condition.text(),
              firstLine(e), e);
        }
        if (e instanceof AnalysisException || e instanceof SparkThrowable) {
          throw QueryErrors.unusableCondition(condition.source(), condition.key(), condition.text(),
              firstLine(e), e);
        }
        throw e;
      }
    }
  }

  /** The analysis error's first line, without the ';' Spark ends it with. */
  private static String firstLine(Exception e) {
    return e.getMessage().lines().findFirst().orElse("").replaceFirst(";$", "");
  }
}
