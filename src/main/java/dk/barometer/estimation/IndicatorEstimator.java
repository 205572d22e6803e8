package dk.barometer.estimation;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dk.barometer.config.Codebook;
import dk.barometer.config.DomainDefinition;
import dk.barometer.config.IndicatorCatalog;
import dk.barometer.config.IndicatorDefinition;
import dk.barometer.config.IndicatorType;
import dk.barometer.config.Question;
import dk.barometer.weighting.SurveyWeighting;
import dk.barometer.weighting.WeightedSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Every indicator of a survey, in every domain, in one aggregation. Each respondent row is unpivoted to one
 * "item" per indicator category it is in the base of (indicator, category, success), each item to the domains its
 * indicator is broken down by, and a single {@code groupBy} sums the weights. The number of Spark jobs does not
 * grow with the number of indicators.
 *
 * <p>Estimator: the weighted share (Hajek ratio) p = sum(w * y) / sum(w * b) over the domain, where b marks the
 * base (asked, answered with a code not marked missing, and any {@code base_where}) and y the success codes.
 * The unweighted share sum(y) / sum(b) is kept beside it to show what the weighting changes.
 */
public final class IndicatorEstimator {
  public static final String TOTAL_VALUE = "all";
  public static final String SHARE_CATEGORY = "yes";

  private final IndicatorCatalog catalog;
  private final Codebook codebook;

  public IndicatorEstimator(IndicatorCatalog catalog, Codebook codebook) {
    this.catalog = catalog;
    this.codebook = codebook;
  }

  public Dataset<Row> estimate(WeightedSample sample) {
    List<IndicatorDefinition> indicators = catalog.forSurvey(sample.survey());
    Column items = array(indicators.stream().flatMap(i -> items(sample.survey(), i).stream()).toArray(Column[]::new));
    Column domains = array(catalog.domains().entrySet().stream().map(IndicatorEstimator::domain)
        .toArray(Column[]::new));

    Dataset<Row> long_ = sample.rows()
        .select(col(SurveyWeighting.WEIGHT).as("w"), explode(items).as("item"), domains.as("domains"))
        .where(col("item.in_base"))
        .select(col("w"), col("item.indicator_id").as("indicator_id"), col("item.category").as("category"),
            col("item.success").as("success"),
            explode(filter(col("domains"), d -> array_contains(col("item.domains"), d.getField("domain"))
                .and(d.getField("value").isNotNull()))).as("d"));

    Column success = col("success");
    return long_
        .groupBy(col("indicator_id"), col("d.domain").as("domain"), col("d.value").as("domain_value"),
            col("category"))
        .agg(sum(when(success, col("w")).otherwise(0.0)).as("numerator_weighted"),
            sum(col("w")).as("base_weighted"),
            count(lit(1)).as("base_n"),
            sum(when(success, 1L).otherwise(0L)).as("numerator_n"))
        .select(lit(sample.wave()).as("wave"), lit(sample.survey()).as("survey"), col("indicator_id"),
            col("domain"), col("domain_value"), col("category"),
            col("numerator_weighted").divide(col("base_weighted")).as("estimate"),
            col("numerator_n").divide(col("base_n")).as("unweighted_estimate"),
            col("numerator_weighted"), col("base_weighted"), col("base_n"),
            lit(catalog.version()).as("definition_version"));
  }

  private List<Column> items(String survey, IndicatorDefinition indicator) {
    Question question = codebook.survey(survey).question(indicator.question()).orElseThrow();
    Column answer = col(question.id());
    List<Integer> valid = codebook.validCodes(question);
    Column base = answer.isin(valid.toArray());
    if (indicator.baseWhere() != null) {
      base = base.and(expr(indicator.baseWhere()));
    }
    Column domains = array(indicator.domains().stream().map(d -> lit(d)).toArray(Column[]::new));
    List<Column> items = new ArrayList<>();
    if (indicator.type() == IndicatorType.DISTRIBUTION) {
      for (int code : valid) {
        items.add(item(indicator, String.valueOf(code), base, answer.equalTo(code), domains));
      }
    } else {
      items.add(item(indicator, SHARE_CATEGORY, base, answer.isin(indicator.success().toArray()), domains));
    }
    return items;
  }

  private static Column item(IndicatorDefinition indicator, String category, Column base, Column success,
                             Column domains) {
    return struct(lit(indicator.id()).as("indicator_id"), lit(category).as("category"),
        when(base, true).otherwise(false).as("in_base"), when(success, true).otherwise(false).as("success"),
        domains.as("domains"));
  }

  private static Column domain(Map.Entry<String, DomainDefinition> entry) {
    DomainDefinition d = entry.getValue();
    Column value = d.isTotal() ? lit(TOTAL_VALUE) : col(d.variable());
    if (d.where() != null) {
      value = when(expr(d.where()), value);
    }
    return struct(lit(entry.getKey()).as("domain"), value.cast("string").as("value"));
  }
}
