package dk.barometer.ingest;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The response files of one survey and wave, and their rows with every contract column as delivered (strings). */
public record RawResponses(List<String> files, Dataset<Row> rows) {
  public RawResponses {
    files = List.copyOf(files);
  }
}
