package dk.barometer.validate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dk.barometer.ingest.PactContract;
import dk.barometer.ingest.PactReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One year of the pact's partners and their upskilling reports, each row with its list of faults. Rows without
 * faults are the valid partners and reports; each fault of the others is one row of {@link #rejects()} (a rejected
 * row is left out as a whole).
 */
public record ValidatedPact(int year, Dataset<Row> partners, Dataset<Row> upskillings) {
  static final String FAULTS = "faults";

  /** The valid partners: partner_id, name, kind, industry, size_class, joined_year and the reporting year. */
  public Dataset<Row> validPartners() {
    return partners.where(size(col(FAULTS)).equalTo(0)).select(lit(year).as("year"), col(PactContract.PARTNER_ID),
        col("name"), col("kind"), col("industry"), col("size_class"), col("joined_year"));
  }

  /** The valid reports: year, partner_id, form, target_group, people (a whole number, stored as a long). */
  public Dataset<Row> validUpskillings() {
    return upskillings.where(size(col(FAULTS)).equalTo(0)).select(col("year"), col(PactContract.PARTNER_ID),
        col("form"), col("target_group"), col("people").cast("long").as("people"));
  }

  /** Every fault of both file sets: year, file_set, source_file, partner_id, column, value, reason. */
  public Dataset<Row> rejects() {
    return rejectsOf(PactContract.PARTNERS, partners).unionByName(rejectsOf(PactContract.UPSKILLINGS, upskillings));
  }

  /** Rows read and rows rejected of {@code fileSet}'s checked rows: one row of two longs. */
  public Row rowCounts(PactContract fileSet) {
    return (fileSet == PactContract.PARTNERS ? partners : upskillings).agg(count(lit(1)),
        sum(when(size(col(FAULTS)).gt(0), 1L).otherwise(0L))).first();
  }

  private Dataset<Row> rejectsOf(PactContract fileSet, Dataset<Row> checked) {
    return checked.where(size(col(FAULTS)).gt(0))
        .select(lit(year).as("year"), lit(fileSet.fileSet()).as("file_set"), col(PactReader.SOURCE_FILE),
            col(PactContract.PARTNER_ID), explode(col(FAULTS)).as("fault"))
        .select(col("year"), col("file_set"), col(PactReader.SOURCE_FILE), col(PactContract.PARTNER_ID),
            col("fault.column").as("column"), col("fault.value").as("value"), col("fault.reason").as("reason"));
  }
}
