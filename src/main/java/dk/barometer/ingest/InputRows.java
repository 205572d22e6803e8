package dk.barometer.ingest;

import dk.barometer.BarometerException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The rows of response directories as the files' footers count them, read on the driver before any Spark job: the
 * size a run chooses how to execute by. It is not the row account: that counts the rows as read.
 */
public final class InputRows {
  private InputRows() {}

  public static long of(SparkSession spark, List<String> dirs) {
    long rows = 0;
    for (String dir : dirs) {
      try {
        for (String file : ParquetFiles.list(spark, dir, dir)) {
          rows += ParquetFiles.rows(spark, file);
        }
      } catch (BarometerException | UncheckedIOException e) {
        // A missing or unreadable input counts nothing here; reading it fails the run, naming the file.
      }
    }
    return rows;
  }
}
