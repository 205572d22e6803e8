package dk.barometer.estimation;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.get;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.shiftright;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dk.barometer.config.Codebook;
import dk.barometer.config.DomainDefinition;
import dk.barometer.config.DomainGroup;
import dk.barometer.config.IndicatorCatalog;
import dk.barometer.config.IndicatorCategory;
import dk.barometer.config.IndicatorDefinition;
import dk.barometer.config.IndicatorType;
import dk.barometer.config.Question;
import dk.barometer.runtime.ElementwiseSum;
import dk.barometer.weighting.SurveyWeighting;
import dk.barometer.weighting.WeightedSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Every indicator of a survey, in every domain, in one aggregation. Each respondent contributes to one item per
 * indicator category (indicator, category, y, b), each item to the domains its indicator is broken down by; the
 * sums per estimate and weighting cell ({@link #cellSums}) serve both the point estimates and their variance. The
 * number of Spark jobs does not grow with the indicators.
 *
 * <p>Estimator: the weighted ratio (Hajek) p = sum(w * y) / sum(w * b) over the domain, where b is the
 * respondent's contribution to the base and y to the numerator, by indicator type:
 * <ul>
 *   <li>distribution, share, items: b = 1 for a valid answer (asked, answered, code not marked missing, within
 *       {@code base_where}), y = 1 for the category's code / a success code;</li>
 *   <li>any: b = 1 for a valid answer to at least one question of the list, y = 1 for a success code on any;</li>
 *   <li>share_of_total: b = the number of the list's questions answered with a success code, y = 1 when this
 *       question is one of them, so p is the question's share of all success answers (relative weight);</li>
 *   <li>condition: b = 1 for a valid answer to every question the {@code numerator} condition names where the
 *       {@code base} condition holds, y = 1 where the numerator holds too.</li>
 * </ul>
 * The unweighted ratio sum(y) / sum(b) is kept beside it to show what the weighting changes.
 */
public final class IndicatorEstimator {
  /** The columns that identify one estimate of a survey and wave. */
  public static final List<String> KEYS = List.of("indicator_id", "domain", "domain_value", "category");
  private static final String BREAK_KEY_SEPARATOR = "\u001f";
  private static final String ANY_CATEGORY = "*";
  /** 2^32: a 0/1 item's count of y in the high half of a long, of b in the low half. */
  private static final long PACK = 1L << 32;
  /** Where an item's sums are in the array of sums ({@link #cellSums}), once per domain it is broken down by. */
  private static final StructType ITEM_LAYOUT = new StructType().add("domain", DataTypes.StringType)
      .add("indicator_id", DataTypes.StringType).add("category", DataTypes.StringType)
      .add("binary", DataTypes.BooleanType).add("slot", DataTypes.IntegerType)
      .add("scope_slot", DataTypes.IntegerType);

  private final IndicatorCatalog catalog;
  private final Codebook codebook;

  public IndicatorEstimator(IndicatorCatalog catalog, Codebook codebook) {
    this.catalog = catalog;
    this.codebook = codebook;
  }

  public Dataset<Row> estimate(WeightedSample sample) {
    return pointEstimates(sample, cellSums(sample));
  }

  /**
   * The sums every estimate and its variance are made of, one row per estimate ({@link #KEYS}) and weighting cell:
   * {@code wy} = sum(w y), {@code wb} = sum(w b), {@code w_base} = sum(w) and {@code n} = count over the
   * respondents in the base (b > 0), the unweighted {@code y}, {@code b}, {@code yy}, {@code yb}, {@code bb}
   * (sums of y, b, y^2, y b, b^2), and {@code respondents}: the respondents of the domain within the indicator's
   * {@code base_where}, answered or not, which R's {@code degf} counts for the interval. A cell has a row when it
   * has such a respondent, so {@code n} may be 0.
   *
   * <p>No unpivoted long form (respondents x items x domains): the respondents are first summed per weighting cell,
   * weight and the values of every domain key, every item as its own column, in one pass over the rows (a 0/1 item,
   * y <= b, needs the counts of y and b only, packed into one long). Only those groups (tens of thousands at a
   * million respondents) are repeated per domain value they are in and summed per domain value, weight and cell,
   * with every item's sums in one array ({@link ElementwiseSum}), and only those few thousand rows are unpivoted to
   * items, by a join with where each item's sums are in the array, and weighted. The code Spark generates for the
   * plan grows with the items in the first aggregation only.
   */
  public Dataset<Row> cellSums(WeightedSample sample) {
    List<IndicatorDefinition> indicators = estimable(sample.survey(), Set.of(sample.rows().columns()));
    List<Item> items = indicators.stream().flatMap(i -> items(sample.survey(), i).stream()).toList();
    // The respondents each distinct base_where keeps (null: every respondent), counted once however many items
    // share it; they open the array of sums.
    Map<String, Integer> scopeSlots = new LinkedHashMap<>();
    items.forEach(item -> scopeSlots.putIfAbsent(item.baseWhere(), scopeSlots.size()));
    List<Column> keys = new ArrayList<>(List.of(col(SurveyWeighting.CELL).as("cell"),
        col(SurveyWeighting.WEIGHT).as("w")));
    List<Column> domainValues = addDomainKeys(indicators, keys);

    // Each item's value is computed once per respondent; sums of sums are sums, so every stage adds them up.
    List<Column> values = new ArrayList<>(keys);
    List<Column> sums = new ArrayList<>();
    List<Column> slots = new ArrayList<>();
    List<Row> layout = new ArrayList<>();
    for (Map.Entry<String, Integer> scope : scopeSlots.entrySet()) {
      String name = "s" + scope.getValue();
      values.add((scope.getKey() == null ? lit(1L) : when(expr(scope.getKey()), 1L).otherwise(0L)).as(name));
      sums.add(sum(col(name)).as(name));
      slots.add(col(name).cast("double"));
    }
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      ItemSums itemSums = itemSums(item, "i" + i + "_");
      for (String domain : item.domains()) {
        layout.add(RowFactory.create(domain, item.indicatorId(), item.category(), item.binary(), slots.size(),
            scopeSlots.get(item.baseWhere())));
      }
      values.addAll(itemSums.values());
      sums.addAll(itemSums.sums());
      slots.addAll(itemSums.slots());
    }
    Column cell = col("cell");
    Column w = col("w");
    // Respondents alike in cell, weight and every domain key are summed first (one pass over the rows, no copies);
    // only those groups are repeated per domain value they are in and summed per domain value, weight and cell,
    // every item's sums now in one array.
    Dataset<Row> perRespondent = sample.rows().select(values.toArray(Column[]::new));
    List<String> keyNames = List.of(perRespondent.columns()).subList(0, keys.size());
    Dataset<Row> alike = perRespondent
        .groupBy(keyNames.stream().map(k -> col(k)).toArray(Column[]::new))
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new));
    SparkSession spark = sample.rows().sparkSession();
    Dataset<Row> groups = alike
        .select(cell, w, explode(array(domainValues.toArray(Column[]::new))).as("dv"),
            array(slots.toArray(Column[]::new)).as("sums"))
        .where(col("dv.value").isNotNull())
        .groupBy(cell, w, col("dv.domain").as("domain"), col("dv.value").as("domain_value"))
        .agg(ElementwiseSum.of(spark).apply(col("sums")).as("sums"));
    // Unpivoted to items by a join with the items' layout in the array: one row per item a domain breaks down.
    IntFunction<Column> sumAt = offset -> get(col("sums"), col("slot").plus(offset));
    Column binary = col("binary");
    Column y = sumAt.apply(0);
    Column b = sumAt.apply(1);
    List<Column> estimateKeys = new ArrayList<>(KEYS.stream().map(k -> col(k)).toList());
    estimateKeys.add(cell);
    return groups.join(broadcast(spark.createDataFrame(layout, ITEM_LAYOUT)), "domain")
        .select(cell, w, col("domain"), col("domain_value"), col("indicator_id"), col("category"), y.as("y"),
            b.as("b"), when(binary, y).otherwise(sumAt.apply(2)).as("yy"),
            when(binary, y).otherwise(sumAt.apply(3)).as("yb"), when(binary, b).otherwise(sumAt.apply(4)).as("bb"),
            when(binary, b).otherwise(sumAt.apply(5)).cast("long").as("n"),
            get(col("sums"), col("scope_slot")).cast("long").as("respondents"))
        .where(col("respondents").gt(0))
        .groupBy(estimateKeys.toArray(Column[]::new))
        .agg(sum(w.multiply(col("y"))).as("wy"), sum(w.multiply(col("b"))).as("wb"),
            sum(w.multiply(col("n"))).as("w_base"), sum("n").as("n"), sum("y").as("y"), sum("b").as("b"),
            sum("yy").as("yy"), sum("yb").as("yb"), sum("bb").as("bb"), sum("respondents").as("respondents"));
  }

  /**
   * The numerator and base of every estimate ({@link #KEYS}) of {@code survey} summed under each replicate weight
   * of {@code replicateWeights}, an {@code array<double>} column of {@code rows}: {@code replicate_wy} and
   * {@code replicate_wb}, element r - 1 for replicate r, the sums that {@link #cellSums} makes under the weight.
   * A respondent's y and b of every item are one array, repeated per domain value the respondent is in and summed
   * per domain value under every replicate weight by one aggregate ({@link ReplicateWeightedSums}); the sums are
   * then cut into the items by their place in the array. A domain value with a respondent has its items' rows,
   * their base possibly 0.
   */
  public Dataset<Row> replicateSums(String survey, Dataset<Row> rows, Column replicateWeights) {
    List<IndicatorDefinition> indicators = estimable(survey, Set.of(rows.columns()));
    List<Column> perRespondent = new ArrayList<>(List.of(replicateWeights.as("rw")));
    List<Column> domainValues = addDomainKeys(indicators, perRespondent);
    List<Column> values = new ArrayList<>();
    List<Row> layout = new ArrayList<>();
    for (IndicatorDefinition indicator : indicators) {
      for (Item item : items(survey, indicator)) {
        for (String domain : item.domains()) {
          layout.add(RowFactory.create(domain, item.indicatorId(), item.category(), values.size()));
        }
        values.add(item.y());
        values.add(item.b());
      }
    }
    perRespondent.add(array(values.toArray(Column[]::new)).as("v"));
    SparkSession spark = rows.sparkSession();
    Dataset<Row> sums = rows.select(perRespondent.toArray(Column[]::new))
        .select(col("rw"), col("v"), explode(array(domainValues.toArray(Column[]::new))).as("dv"))
        .where(col("dv.value").isNotNull())
        .groupBy(col("dv.domain").as("domain"), col("dv.value").as("domain_value"))
        .agg(ReplicateWeightedSums.of(spark).apply(col("rw"), col("v")).as("sums"));
    // Value k's replicate sums are elements k * B + 1 to k * B + B (1-based) of the K x B sums.
    Column replicates = size(col("sums")).divide(values.size()).cast("int");
    StructType itemLayout = new StructType().add("domain", DataTypes.StringType)
        .add("indicator_id", DataTypes.StringType).add("category", DataTypes.StringType)
        .add("slot", DataTypes.IntegerType);
    return sums.join(broadcast(spark.createDataFrame(layout, itemLayout)), "domain")
        .select(col("indicator_id"), col("domain"), col("domain_value"), col("category"),
            slice(col("sums"), col("slot").multiply(replicates).plus(1), replicates).as("replicate_wy"),
            slice(col("sums"), col("slot").plus(1).multiply(replicates).plus(1), replicates).as("replicate_wb"));
  }

  /**
   * Adds to {@code keys} every domain key the {@code indicators} are broken down by ({@link #domainKeys}), and
   * returns the (domain, value) structs derived from them. Only the domains these indicators use: a domain may refer
   * to another survey's questions.
   */
  private List<Column> addDomainKeys(List<IndicatorDefinition> indicators, List<Column> keys) {
    Set<String> used = indicators.stream().flatMap(i -> i.domains().stream()).collect(Collectors.toSet());
    List<Column> domainValues = new ArrayList<>();
    for (Map.Entry<String, DomainDefinition> d : catalog.domains().entrySet()) {
      if (used.contains(d.getKey())) {
        DomainKeys domain = domainKeys(d.getKey(), d.getValue(), "d" + keys.size() + "_");
        keys.addAll(domain.keys());
        domainValues.addAll(domain.values());
      }
    }
    return domainValues;
  }

  /** The indicators of {@code survey} this wave can estimate ({@link IndicatorCatalog#estimable}). */
  public List<IndicatorDefinition> estimable(String survey, Set<String> columns) {
    return catalog.estimable(survey, codebook.survey(survey), columns);
  }

  /**
   * How one item goes through {@link #cellSums}: its columns per respondent, their sums per group of alike
   * respondents, and its slots in the array of sums: y and b for a 0/1 item (y^2 = y b = y, b^2 = b, and n = b),
   * else y, b, yy, yb, bb and n.
   */
  private record ItemSums(List<Column> values, List<Column> sums, List<Column> slots) {}

  private static ItemSums itemSums(Item item, String prefix) {
    if (item.binary()) {
      // Both 0/1, so the counts of y and b suffice, packed into one long as y * 2^32 + b so that the aggregation
      // over respondents stays narrow (a group would need 2^32 respondents to overflow).
      Column packed = col(prefix + "packed");
      Column value = item.y().cast("long").multiply(PACK).plus(item.b().cast("long"));
      return new ItemSums(List.of(value.as(prefix + "packed")), List.of(sum(packed).as(prefix + "packed")),
          List.of(shiftright(packed, 32).cast("double"), packed.bitwiseAND(PACK - 1).cast("double")));
    }
    Column y = col(prefix + "y");
    Column b = col(prefix + "b");
    return new ItemSums(List.of(item.y().as(prefix + "y"), item.b().as(prefix + "b")),
        List.of(sum(y).as(prefix + "y"), sum(b).as(prefix + "b"), sum(y.multiply(y)).as(prefix + "yy"),
            sum(y.multiply(b)).as(prefix + "yb"), sum(b.multiply(b)).as(prefix + "bb"),
            count(when(b.gt(0), 1)).as(prefix + "n")),
        List.of(y, b, col(prefix + "yy"), col(prefix + "yb"), col(prefix + "bb"),
            col(prefix + "n").cast("double")));
  }

  /** A 0/1 item as a respondent-level value: y inside the item's base, null outside it. */
  public record ItemValue(String indicatorId, String category, Column value) {}

  /**
   * The 0/1 items of {@code survey}'s estimable indicators in catalogue order, each as a respondent-level column,
   * for handing the respondents to another tool: a mean of the value over the non-null rows is the estimate.
   */
  public List<ItemValue> itemValues(String survey, Set<String> columns) {
    return estimable(survey, columns).stream().flatMap(i -> items(survey, i).stream()).filter(Item::binary)
        .map(i -> new ItemValue(i.indicatorId(), i.category(), when(i.b().equalTo(1.0), i.y())))
        .toList();
  }

  /** One indicator category as a respondent contributes to it: y (zero outside the base) and b. */
  public record ItemColumns(Column y, Column b) {}

  /**
   * The y and b of {@code category} of {@code indicatorId} in {@code survey}, as {@link #cellSums} sums them; empty
   * when this wave cannot estimate it ({@link #estimable}).
   */
  public Optional<ItemColumns> item(String survey, Set<String> columns, String indicatorId, String category) {
    return estimable(survey, columns).stream().filter(i -> i.id().equals(indicatorId))
        .flatMap(i -> items(survey, i).stream()).filter(i -> i.category().equals(category))
        .map(i -> new ItemColumns(i.y(), i.b())).findFirst();
  }

  /** Whether a respondent is in {@code value} of {@code domain} (its restriction included): never null. */
  public Column inDomain(String domain, String value) {
    DomainDefinition d = catalog.domains().get(domain);
    Column restriction = d.where() == null ? lit(true) : expr(d.where());
    Column member;
    if (d.isTotal()) {
      member = lit(DomainDefinition.TOTAL_VALUE.equals(value));
    } else if (d.isGrouped()) {
      member = d.groups().stream().filter(g -> g.value().equals(value)).findFirst()
          .map(g -> expr(g.where())).orElse(lit(false));
    } else {
      member = col(d.variable()).cast("string").equalTo(value);
    }
    return coalesce(restriction.and(member), lit(false));
  }

  /** The point estimates of the cell sums ({@link #cellSums}): one aggregation for every indicator and domain. */
  public Dataset<Row> pointEstimates(WeightedSample sample, Dataset<Row> cellSums) {
    return cellSums
        .groupBy(KEYS.stream().map(k -> col(k)).toArray(Column[]::new))
        .agg(sum(col("wy")).as("numerator_weighted"), sum(col("wb")).as("base_weighted"),
            sum(col("n")).as("base_n"), sum(col("y")).as("numerator_unweighted"),
            sum(col("b")).as("base_unweighted"))
        .where(col("base_n").gt(0))
        .select(lit(sample.wave()).as("wave"), lit(sample.survey()).as("survey"), col("indicator_id"),
            col("domain"), col("domain_value"), col("category"),
            col("numerator_weighted").divide(col("base_weighted")).as("estimate"),
            col("numerator_unweighted").divide(col("base_unweighted")).as("unweighted_estimate"),
            col("numerator_weighted"), col("base_weighted"), col("base_n"),
            seriesBreak(sample.survey()).as("series_break"),
            lit(catalog.version()).as("definition_version"));
  }

  /**
   * The reason for a series break where a concept behind the estimate was reworded in this wave (the codebook's
   * {@code series_break}): per item for items indicators, for every category otherwise; null elsewhere.
   */
  private Column seriesBreak(String survey) {
    List<Column> pairs = new ArrayList<>();
    for (IndicatorDefinition indicator : catalog.forSurvey(survey)) {
      List<String> reasons = new ArrayList<>();
      for (String id : indicator.questions()) {
        String reason = codebook.survey(survey).question(id).map(Question::seriesBreak).orElse(null);
        if (reason == null) {
          continue;
        }
        if (indicator.type() == IndicatorType.ITEMS) {
          pairs.add(lit(indicator.id() + BREAK_KEY_SEPARATOR + id));
          pairs.add(lit(id + ": " + reason));
        } else {
          reasons.add(id + ": " + reason);
        }
      }
      if (!reasons.isEmpty()) {
        pairs.add(lit(indicator.id() + BREAK_KEY_SEPARATOR + ANY_CATEGORY));
        pairs.add(lit(String.join("; ", reasons)));
      }
    }
    if (pairs.isEmpty()) {
      return lit(null).cast("string");
    }
    Column breaks = map(pairs.toArray(Column[]::new));
    return coalesce(element_at(breaks, concat_ws(BREAK_KEY_SEPARATOR, col("indicator_id"), col("category"))),
        element_at(breaks, concat_ws(BREAK_KEY_SEPARATOR, col("indicator_id"), lit(ANY_CATEGORY))));
  }

  /**
   * One category of an indicator as a respondent contributes to it: y and b (y is zero outside the base), the
   * domains it is broken down by, whether y and b are 0/1 with y <= b (every type but share_of_total), and the
   * indicator's {@code base_where} (null: none), the subpopulation whose respondents the interval's df counts.
   */
  private record Item(String indicatorId, String category, Column y, Column b, List<String> domains,
                      boolean binary, String baseWhere) {}

  private List<Item> items(String survey, IndicatorDefinition indicator) {
    Column inScope = indicator.baseWhere() == null ? lit(true) : expr(indicator.baseWhere());
    List<String> domains = indicator.domains();
    List<Item> items = new ArrayList<>();
    List<IndicatorCategory> categories = indicator.categories(concept -> codebook);
    switch (indicator.type()) {
      case DISTRIBUTION -> {
        Question question = question(survey, indicator.question());
        for (IndicatorCategory category : categories) {
          items.add(item(indicator, category.code(),
              indicator(col(question.id()).equalTo(Integer.parseInt(category.code()))), valid(question).and(inScope),
              domains));
        }
      }
      case SHARE, ITEMS -> {
        for (IndicatorCategory category : categories) {
          items.add(item(indicator, category.code(), success(indicator, category.question()),
              valid(question(survey, category.question())).and(inScope), domains));
        }
      }
      case ANY -> {
        Column anyValid = lit(false);
        Column anySuccess = lit(false);
        for (String id : indicator.questions()) {
          anyValid = anyValid.or(valid(question(survey, id)));
          anySuccess = anySuccess.or(col(id).isin(indicator.success().toArray()));
        }
        items.add(item(indicator, categories.get(0).code(), indicator(anySuccess), anyValid.and(inScope), domains));
      }
      case CONDITION -> {
        Column valid = lit(true);
        for (String column : indicator.numeratorColumns()) {
          Optional<Question> asked = codebook.survey(survey).questions().stream()
              .filter(q -> q.id().equalsIgnoreCase(column)).findFirst();
          if (asked.isPresent()) {
            valid = valid.and(valid(asked.get()));
          }
        }
        Column base = indicator.base() == null ? lit(true) : expr(indicator.base());
        items.add(item(indicator, categories.get(0).code(), indicator(expr(indicator.numerator())),
            valid.and(base).and(inScope), domains));
      }
      case SHARE_OF_TOTAL -> {
        Column successes = lit(0.0);
        for (String id : indicator.questions()) {
          successes = successes.plus(success(indicator, id));
        }
        for (IndicatorCategory category : categories) {
          items.add(new Item(indicator.id(), category.code(), when(inScope, success(indicator, category.question()))
              .otherwise(0.0), when(inScope, successes).otherwise(0.0), domains, false, indicator.baseWhere()));
        }
      }
    }
    return items;
  }

  private Question question(String survey, String id) {
    return codebook.survey(survey).question(id).orElseThrow();
  }

  /** Asked, answered, and with a code that is not marked missing ("Ved ikke", not relevant). */
  private Column valid(Question question) {
    return col(question.id()).isin(codebook.validCodes(question).toArray());
  }

  private static Column success(IndicatorDefinition indicator, String id) {
    return indicator(col(id).isin(indicator.success().toArray()));
  }

  /** 1.0 where the condition holds, 0.0 where it fails or is unknown. */
  private static Column indicator(Column condition) {
    return when(condition, 1.0).otherwise(0.0);
  }

  private static Item item(IndicatorDefinition indicator, String category, Column y, Column inBase,
                           List<String> domains) {
    Column b = indicator(inBase);
    return new Item(indicator.id(), category, y.multiply(b), b, domains, true, indicator.baseWhere());
  }

  /**
   * A domain's part of a respondent's grouping key, in the key's own type ({@code keys}: the variable, or a flag
   * per group or restriction), and the (domain, value) structs that a summed group derives from it; a grouped
   * domain gives one struct per group, and a value is null outside the domain.
   */
  private record DomainKeys(List<Column> keys, List<Column> values) {}

  private static DomainKeys domainKeys(String name, DomainDefinition d, String prefix) {
    Column restriction = d.where() == null ? lit(true) : expr(d.where());
    List<Column> keys = new ArrayList<>();
    List<Column> values = new ArrayList<>();
    if (d.isGrouped()) {
      for (int g = 0; g < d.groups().size(); g++) {
        DomainGroup group = d.groups().get(g);
        String key = prefix + g;
        keys.add(restriction.and(expr(group.where())).as(key));
        values.add(domainStruct(name, when(col(key), lit(group.value()))));
      }
    } else if (d.isTotal()) {
      keys.add(restriction.as(prefix));
      values.add(domainStruct(name, when(col(prefix), lit(DomainDefinition.TOTAL_VALUE))));
    } else {
      keys.add(when(restriction, col(d.variable())).as(prefix));
      values.add(domainStruct(name, col(prefix)));
    }
    return new DomainKeys(keys, values);
  }

  private static Column domainStruct(String domain, Column value) {
    return struct(lit(domain).as("domain"), value.cast("string").as("value"));
  }
}
