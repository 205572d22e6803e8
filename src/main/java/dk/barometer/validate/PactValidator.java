package dk.barometer.validate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import dk.barometer.config.Classifications;
import dk.barometer.config.PactCodebook;
import dk.barometer.ingest.PactContract;
import dk.barometer.ingest.PactFiles;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Row-level validation of one year of the pact's partner reports against {@code conf/pact.yaml} and the
 * classifications. A partner is rejected for a missing id or name, a missing or unknown kind, industry or size class
 * code, a missing joined year, or an id that occurs twice (every copy: which one is right cannot be known). A report
 * is rejected for a missing or unknown partner (not in the year's partners, or rejected there), a year other than the
 * run's, a year before the partner joined, a missing or unknown form or target group, a number of people that is
 * missing, not whole or negative, and for a partner, form and target group reported twice (every copy).
 */
public final class PactValidator {
  private static final String FAULTS = ValidatedPact.FAULTS;
  private static final String DUPLICATE = "duplicate";
  /** The partner a report names, as the partners file delivered it: its id, whether it passed, when it joined. */
  private static final String DELIVERED_ID = "delivered_partner_id";
  private static final String PARTNER_VALID = "partner_valid";
  private static final String PARTNER_JOINED = "partner_joined";

  private final PactCodebook codebook;
  private final Classifications classifications;

  public PactValidator(PactCodebook codebook, Classifications classifications) {
    this.codebook = codebook;
    this.classifications = classifications;
  }

  /** Both file sets of one year, each row with its list of faults (empty where it passes). */
  public ValidatedPact validate(PactFiles partners, PactFiles upskillings) {
    int year = partners.year();
    Dataset<Row> checkedPartners = withFaults(withDuplicates(partners.rows(), col(PactContract.PARTNER_ID)),
        partnerRules(year));
    // One row per partner id delivered: whether it passed (a duplicate never does) and when it joined.
    Dataset<Row> delivered = checkedPartners.groupBy(col(PactContract.PARTNER_ID).as(DELIVERED_ID))
        .agg(max(size(col(FAULTS)).equalTo(0)).as(PARTNER_VALID),
            max(when(size(col(FAULTS)).equalTo(0), col("joined_year"))).as(PARTNER_JOINED));
    Dataset<Row> reports = withDuplicates(upskillings.rows(), col(PactContract.PARTNER_ID), col("form"),
        col("target_group"))
        .join(delivered, col(PactContract.PARTNER_ID).equalTo(col(DELIVERED_ID)), "left")
        .drop(DELIVERED_ID);
    Dataset<Row> checkedReports = withFaults(reports, reportRules(year)).drop(PARTNER_VALID, PARTNER_JOINED);
    return new ValidatedPact(year, checkedPartners, checkedReports);
  }

  private List<Fault> partnerRules(int year) {
    List<Fault> rules = new ArrayList<>();
    rules.add(missingId());
    rules.add(duplicate(PactContract.PARTNER_ID, "duplicate partner id: the id occurs more than once in the partners "
        + "of " + year));
    rules.add(new Fault("name", coalesce(trim(col("name")).equalTo(""), lit(true)), col("name"),
        lit("missing partner name")));
    rules.add(codeFault("kind", codebook.kindCodes(), "conf/pact.yaml"));
    rules.add(codeFault("industry", classifications.get("industry").codeValues(), "conf/classifications.yaml"));
    rules.add(codeFault("size_class", classifications.get("size_class").codeValues(), "conf/classifications.yaml"));
    rules.add(new Fault("joined_year", col("joined_year").isNull(), text("joined_year"),
        lit("missing joined year (the year the partner joined the pact)")));
    return rules;
  }

  private List<Fault> reportRules(int year) {
    List<Fault> rules = new ArrayList<>();
    rules.add(missingId());
    Column id = col(PactContract.PARTNER_ID);
    rules.add(new Fault(PactContract.PARTNER_ID, id.isNotNull().and(col(PARTNER_VALID).isNull()), id,
        lit("unknown partner: the id is not among the partners of " + year)));
    rules.add(new Fault(PactContract.PARTNER_ID, not(coalesce(col(PARTNER_VALID), lit(true))), id,
        lit("the partner's own row is rejected in the partners of " + year + "; see its reason there")));
    rules.add(new Fault("year", coalesce(col("year").notEqual(year), lit(true)), text("year"),
        concat(lit("year mismatch: the run is for " + year + ", the row says "),
            coalesce(text("year"), lit("nothing")))));
    rules.add(new Fault("year", col("year").equalTo(year).and(col(PARTNER_JOINED).gt(year)), text("year"),
        concat(lit("a report for " + year + ", before the partner joined the pact in "),
            col(PARTNER_JOINED).cast("string"))));
    rules.add(codeFault("form", codebook.formCodes(), "conf/pact.yaml"));
    rules.add(codeFault("target_group", codebook.targetGroupCodes(), "conf/pact.yaml"));
    Column people = col("people");
    rules.add(new Fault("people", people.isNull(), text("people"), lit("missing number of people upskilled")));
    rules.add(new Fault("people", people.isNotNull().and(people.notEqual(floor(people))), text("people"),
        lit("number of people upskilled is not a whole number")));
    rules.add(new Fault("people", people.lt(0), text("people"), lit("negative number of people upskilled")));
    rules.add(duplicate("form", "duplicate report: the partner reports this form and target group more than once "
        + "for " + year));
    return rules;
  }

  private static Fault missingId() {
    return new Fault(PactContract.PARTNER_ID, col(PactContract.PARTNER_ID).isNull()
        .or(trim(col(PactContract.PARTNER_ID)).equalTo("")), col(PactContract.PARTNER_ID), lit("missing partner id"));
  }

  private static Fault duplicate(String column, String reason) {
    return new Fault(column, col(DUPLICATE), text(column), lit(reason));
  }

  private static Fault codeFault(String column, List<String> allowed, String file) {
    Column value = col(column);
    return new Fault(column, value.isNull().or(not(value.isin(allowed.toArray()))), value,
        when(value.isNull(), lit("missing " + column + " code"))
            .otherwise(lit("unknown " + column + " code; " + file + " allows " + allowed)));
  }

  /** {@code rows} marked where their key (every part present) occurs more than once. */
  private static Dataset<Row> withDuplicates(Dataset<Row> rows, Column... key) {
    Column complete = List.of(key).stream().map(Column::isNotNull).reduce(Column::and).orElseThrow();
    return rows.withColumn(DUPLICATE, count(lit(1)).over(Window.partitionBy(key)).gt(1).and(complete));
  }

  private static Dataset<Row> withFaults(Dataset<Row> rows, List<Fault> rules) {
    return rows.withColumn(FAULTS, array_compact(array(rules.stream().map(Fault::asStruct).toArray(Column[]::new))))
        .drop(DUPLICATE);
  }

  /** The value as read, as text (for the rejects). */
  private static Column text(String column) {
    return col(column).cast("string");
  }
}
