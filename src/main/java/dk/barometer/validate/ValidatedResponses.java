package dk.barometer.validate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;

import dk.barometer.ingest.RawResponses;
import dk.barometer.ingest.ResponseReader;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Typed responses of one survey and wave, each with its list of faults and its file (an index into {@code files}).
 * Rows without faults are {@link #valid()}; each fault of the others is one row of {@link #rejects()} (a rejected
 * row is excluded as a whole). Both name the row's file by its path.
 */
public record ValidatedResponses(String survey, int wave, List<String> files, Dataset<Row> checked) {
  public static final String FAULTS = "faults";
  /**
   * The respondent id as delivered, before typing, on every rejected row; null on a row that passes where the id was
   * delivered as an integer (it then reads as delivered).
   */
  static final String RAW_ID = "raw_respondent_id";

  public ValidatedResponses {
    files = List.copyOf(files);
  }

  /** The same responses with {@code checked} rows, e.g. with faults added. */
  ValidatedResponses withChecked(Dataset<Row> rows) {
    return new ValidatedResponses(survey, wave, files, rows);
  }

  /** The rows without faults, their file's path where the checked rows have its index. */
  public Dataset<Row> valid() {
    Dataset<Row> valid = checked.where(size(col(FAULTS)).equalTo(0)).drop(FAULTS, RAW_ID);
    return valid.select(Stream.of(valid.columns()).map(c -> c.equals(ResponseReader.FILE_INDEX)
        ? RawResponses.fileName(files).as(ResponseReader.SOURCE_FILE) : col(c)).toArray(Column[]::new));
  }

  public Dataset<Row> rejects() {
    return checked.where(size(col(FAULTS)).gt(0))
        .select(lit(wave).as("wave"), lit(survey).as("survey"),
            RawResponses.fileName(files).as(ResponseReader.SOURCE_FILE), col(RAW_ID).as("respondent_id"),
            explode(col(FAULTS)).as("fault"))
        .select(col("wave"), col("survey"), col(ResponseReader.SOURCE_FILE), col("respondent_id"),
            col("fault.column").as("column"), col("fault.value").as("value"), col("fault.reason").as("reason"));
  }
}
