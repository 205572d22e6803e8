package dk.barometer.validate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import dk.barometer.config.Question;
import dk.barometer.ingest.RawResponses;
import dk.barometer.ingest.ResponseContract;
import dk.barometer.ingest.ResponseReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;

/**
 * Row-level validation of responses against the contract and codebook. Faults: missing or non-integer respondent
 * id, duplicate respondent id (every copy is rejected: which one is right cannot be known), wave mismatch,
 * missing or unknown classification code, a question value that is not an integer or not a code of its scale,
 * and an answer to a question the routing did not ask (judged only where the values the routing reads are not
 * rejected themselves).
 */
public final class ResponseValidator {
  private static final String FAULTS = ValidatedResponses.FAULTS;
  private static final String RAW = "raw";
  private static final String RAW_ID = ValidatedResponses.RAW_ID;

  private final ResponseContract contract;

  public ResponseValidator(ResponseContract contract) {
    this.contract = contract;
  }

  /**
   * Validates the string-typed rows of {@link ResponseReader} row by row; both outputs derive from one typed frame.
   * A duplicate id is a fault across rows: {@link #withDuplicateIds} adds it.
   */
  public ValidatedResponses validate(RawResponses responses) {
    Dataset<Row> raw = responses.rows();
    Dataset<Row> typed = raw.select(typedColumns(raw));
    List<Fault> rules = rules();
    Column rejected = lit(false);
    for (Fault rule : rules) {
      rejected = rejected.or(coalesce(rule.condition(), lit(false)));
    }
    // The raw values a reject shows are in its faults; only the raw id travels on, for the rejects table. An id
    // delivered as an integer reads as it was delivered, so a row that passes needs no string copy of it (one per
    // row, in the cached rows).
    Column rawId = integral(raw.schema().apply(ResponseContract.RESPONDENT_ID).dataType())
        ? when(rejected, rawValue(ResponseContract.RESPONDENT_ID)) : rawValue(ResponseContract.RESPONDENT_ID);
    Dataset<Row> checked = typed.withColumn(FAULTS, faults(typed, rules, rejected)).withColumn(RAW_ID, rawId)
        .drop(RAW);
    return new ValidatedResponses(contract.survey(), contract.wave(), responses.files(), checked);
  }

  /**
   * {@code validated} with every copy of a duplicate respondent id rejected, or {@code validated} itself when no id
   * occurs twice. It looks with an aggregation of the ids alone, meant to run on persisted rows: the usual input,
   * without duplicates, is then neither read again nor shuffled and sorted whole by the window that marks them.
   */
  public ValidatedResponses withDuplicateIds(ValidatedResponses validated) {
    Dataset<Row> checked = validated.checked();
    boolean duplicates = !checked.where(col(ResponseContract.RESPONDENT_ID).isNotNull())
        .groupBy(ResponseContract.RESPONDENT_ID).count().where(col("count").gt(1)).isEmpty();
    if (!duplicates) {
      return validated;
    }
    String duplicate = "duplicate";
    // A row that passed keeps no raw id where the id was delivered as an integer: it reads as delivered.
    Column rawId = coalesce(col(RAW_ID), col(ResponseContract.RESPONDENT_ID).cast("string"));
    return validated.withChecked(checked
        .withColumn(duplicate, count(lit(1)).over(Window.partitionBy(ResponseContract.RESPONDENT_ID)).gt(1)
            .and(col(ResponseContract.RESPONDENT_ID).isNotNull()))
        .withColumn(FAULTS, when(col(duplicate), concat(col(FAULTS), array(new Fault(ResponseContract.RESPONDENT_ID,
            lit(true), rawId, lit("duplicate respondent id: the id occurs more than once in this survey and wave"))
            .asStruct()))).otherwise(col(FAULTS)))
        .withColumn(RAW_ID, when(col(duplicate), rawId).otherwise(col(RAW_ID)))
        .drop(duplicate));
  }

  /**
   * The respondent id that {@code delivered}, an id as text (as the rejects show it), reads as: a bigint, null where
   * it is not a whole number that fits.
   */
  public static Column respondentId(Column delivered) {
    return whole(delivered, DataTypes.StringType, "bigint");
  }

  private Column[] typedColumns(Dataset<Row> raw) {
    List<Column> columns = new ArrayList<>();
    StructType schema = raw.schema();
    columns.add(whole(col(ResponseContract.RESPONDENT_ID), schema.apply(ResponseContract.RESPONDENT_ID).dataType(),
        "bigint").as(ResponseContract.RESPONDENT_ID));
    columns.add(whole(col(ResponseContract.WAVE), schema.apply(ResponseContract.WAVE).dataType(), "int")
        .as(ResponseContract.WAVE));
    for (String c : contract.classificationColumns()) {
      columns.add(col(c));
    }
    columns.add(col(contract.stratumColumn()));
    for (Question q : contract.questions()) {
      columns.add(whole(col(q.id()), schema.apply(q.id()).dataType(), "int").as(q.id()));
    }
    columns.add(col(ResponseReader.FILE_INDEX));
    // Raw strings travel along so a reject shows the value as delivered.
    List<Column> rawFields = new ArrayList<>();
    for (String c : contract.columns()) {
      rawFields.add(raw.col(c));
    }
    columns.add(org.apache.spark.sql.functions.struct(rawFields.toArray(Column[]::new)).as(RAW));
    return columns.toArray(Column[]::new);
  }

  /**
   * A whole number of {@code type} ("int" or "bigint"), or null where the value is not one or does not fit: 2.0
   * counts as 2 (Parquet writers may store codes and ids as doubles), 2.5 is null rather than cut to 2 as a cast
   * would cut it. An integer column is taken as it is. Text is read as an exact decimal, never through a double:
   * "9007199254740993.0" is 9007199254740993, where a double would make it ...992.
   */
  private static Column whole(Column raw, DataType rawType, String type) {
    if (integral(rawType)) {
      return raw.try_cast(type);
    }
    // 20 integer digits hold every bigint; a longer number does not fit and is null.
    Column number = rawType instanceof StringType ? raw.try_cast("decimal(38,18)") : raw;
    return when(number.equalTo(floor(number)), number.try_cast(type));
  }

  private static boolean integral(DataType type) {
    return type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType
        || type instanceof LongType;
  }

  /**
   * The row's faults, an empty list where it passes ({@code rejected}: some rule holds). Spark evaluates
   * {@code filter} (a higher-order function) without generated code, so it runs only for the rows that some rule
   * rejects: every row evaluates just the rules' conditions, in generated code.
   */
  private static Column faults(Dataset<Row> typed, List<Fault> rules, Column rejected) {
    Column found = filter(array(rules.stream().map(Fault::asStruct).toArray(Column[]::new)), f -> f.isNotNull());
    DataType type = typed.select(found).schema().fields()[0].dataType();
    return when(rejected, found).otherwise(array().cast(type));
  }

  private List<Fault> rules() {
    List<Fault> faults = new ArrayList<>();
    String id = ResponseContract.RESPONDENT_ID;
    faults.add(new Fault(id, raw(id).isNull(), rawValue(id), lit("missing respondent id")));
    faults.add(new Fault(id, raw(id).isNotNull().and(col(id).isNull()), rawValue(id),
        lit("respondent id is not an integer")));

    String wave = ResponseContract.WAVE;
    faults.add(new Fault(wave, coalesce(col(wave).notEqual(contract.wave()), lit(true)), rawValue(wave),
        concat(lit("wave mismatch: the run is for wave " + contract.wave() + ", the row says "),
            coalesce(rawValue(wave), lit("nothing")))));

    for (String c : contract.classificationColumns()) {
      faults.add(codeFault(c, contract.classifications().get(c).codeValues()));
    }
    faults.add(new Fault(contract.stratumColumn(), col(contract.stratumColumn()).isNull(),
        rawValue(contract.stratumColumn()), lit("missing sampling stratum")));

    Map<String, List<Fault>> answerFaults = new LinkedHashMap<>();
    for (Question q : contract.questions()) {
      answerFaults.put(q.id(), answerFaults(q));
    }
    // Whether a column's value is rejected in the row, by the column names a condition may spell (Spark resolves
    // them case-insensitively). A routing check that reads a rejected value is skipped: its fault would follow
    // from that one, so the row keeps one reason, the real one. A routing fault rejects the answer it checks too,
    // for the questions routed on that answer after it in the codebook.
    Map<String, Column> rejectedValue = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Stream.concat(faults.stream(), answerFaults.values().stream().flatMap(List::stream))
        .forEach(f -> rejectedValue.merge(f.column(), f.condition(), Column::or));
    for (Question q : contract.questions()) {
      faults.addAll(answerFaults.get(q.id()));
      if (q.askedIf() != null) {
        Fault routing = routingFault(q, rejectedValue);
        faults.add(routing);
        rejectedValue.merge(q.id(), routing.condition(), Column::or);
      }
    }
    return faults;
  }

  /** An answer that is not an integer, or not a code of the question's scale. */
  private List<Fault> answerFaults(Question q) {
    List<Integer> codes = contract.codebook().allCodes(q);
    return List.of(
        new Fault(q.id(), raw(q.id()).isNotNull().and(col(q.id()).isNull()), rawValue(q.id()),
            lit("value is not an integer answer code")),
        new Fault(q.id(), col(q.id()).isNotNull().and(not(col(q.id()).isin(codes.toArray()))), rawValue(q.id()),
            lit("unknown answer code; the scale '" + q.scale() + "' has codes " + codes)));
  }

  /** An answer the routing did not ask, unless the routing reads a value rejected in the row. */
  private static Fault routingFault(Question q, Map<String, Column> rejectedValue) {
    Column readsRejected = q.routingColumns().stream().map(rejectedValue::get).filter(Objects::nonNull)
        .reduce(Column::or).orElse(lit(false));
    return new Fault(q.id(), col(q.id()).isNotNull().and(not(coalesce(expr(q.askedIf()), lit(false))))
        .and(not(coalesce(readsRejected, lit(false)))), rawValue(q.id()),
        lit("answered although the routing did not ask it (asked if " + q.askedIf() + ")"));
  }

  private Fault codeFault(String column, List<String> allowed) {
    Column value = col(column);
    return new Fault(column, value.isNull().or(not(value.isin(allowed.toArray()))), rawValue(column),
        when(value.isNull(), lit("missing " + column + " code"))
            .otherwise(lit("unknown " + column + " code; conf/classifications.yaml allows " + allowed)));
  }

  /** The value as delivered, as a string (the reader keeps numeric columns numeric). */
  private static Column rawValue(String column) {
    return raw(column).cast("string");
  }

  /** The value as delivered, in its own type: whether it is null needs no string made for every row. */
  private static Column raw(String column) {
    return col(RAW + "." + column);
  }
}
