package dk.barometer.ingest;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The response files of one survey and wave, their rows with every contract column as delivered (strings), and the
 * number of rows the files hold as their footers count them: what the row account starts from, known without a
 * pass over the rows.
 */
public record RawResponses(List<String> files, Dataset<Row> rows, long rowsInFiles) {
  public RawResponses {
    files = List.copyOf(files);
  }

  /** The path of the row's file, from its {@link ResponseReader#FILE_INDEX}. */
  public static Column fileName(List<String> files) {
    return element_at(array(files.stream().map(f -> lit(f)).toArray(Column[]::new)),
        col(ResponseReader.FILE_INDEX).plus(1));
  }
}
