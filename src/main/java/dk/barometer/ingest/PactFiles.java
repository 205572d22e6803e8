package dk.barometer.ingest;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One file set of the pact for one year: its files, its rows with every contract column in the type it is read as
 * and {@link PactReader#SOURCE_FILE}, and the rows the files hold as their footers count them (where the row account
 * starts).
 */
public record PactFiles(PactContract contract, int year, List<String> files, Dataset<Row> rows, long rowsInFiles) {
  public PactFiles {
    files = List.copyOf(files);
  }
}
