package dk.barometer.testing.connect;

import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Client-side code, loaded by {@link dk.barometer.testing.ConnectClient} apart from the server's classes. Each call
 * creates a session of its own: getOrCreate would hand a later call the session an earlier one closed.
 */
public final class RemoteQuery {
  private RemoteQuery() {}

  public static List<String> rows(String url, String sql) throws IOException {
    try (SparkSession session = SparkSession.builder().remote(url).create()) {
      return session.sql(sql).collectAsList().stream().map(Row::mkString).toList();
    }
  }

  public static void setConf(String url, String key, String value) throws IOException {
    try (SparkSession session = SparkSession.builder().remote(url).create()) {
      session.conf().set(key, value);
    }
  }

  public static void addArtifact(String url, String path) throws IOException {
    try (SparkSession session = SparkSession.builder().remote(url).create()) {
      session.addArtifact(path);
    }
  }

  /** Writes a query's result as Parquet files: a write, which the endpoint refuses below engineer. */
  public static void writeParquet(String url, String sql, String path) throws IOException {
    try (SparkSession session = SparkSession.builder().remote(url).create()) {
      session.sql(sql).write().parquet(path);
    }
  }

  /** A session left open, so that the server holds it; close it with {@link #close}. */
  public static Object open(String url) {
    SparkSession session = SparkSession.builder().remote(url).create();
    session.sql("SELECT 1").collectAsList();
    return session;
  }

  public static void close(Object session) {
    ((SparkSession) session).stop();
  }
}
