package dk.barometer.testing.connect;

import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Client-side code, loaded by {@link dk.barometer.testing.ConnectClient} apart from the server's classes. */
public final class RemoteQuery {
  private RemoteQuery() {}

  public static List<String> rows(String url, String sql) throws IOException {
    try (SparkSession session = SparkSession.builder().remote(url).getOrCreate()) {
      return session.sql(sql).collectAsList().stream().map(Row::mkString).toList();
    }
  }
}
