package dk.barometer.ingest;

import java.util.List;
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
}
