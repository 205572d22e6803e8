package dk.barometer.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * SHA-256 of every Parquet file of the input directories, for the runs table: equal checksums mean the same
 * input. Read through Hadoop, so any file system URI works; survey waves are megabytes, so hashing is cheap.
 */
public final class InputChecksums {
  private InputChecksums() {}

  /** File URI to hex SHA-256, for the Parquet files of each directory (the files a run reads). */
  public static Map<String, String> of(SparkSession spark, String what, List<String> dirs) {
    Map<String, String> checksums = new LinkedHashMap<>();
    for (String dir : dirs) {
      for (String file : ParquetFiles.list(spark, what, dir)) {
        checksums.put(file, sha256(spark, file));
      }
    }
    return checksums;
  }

  private static String sha256(SparkSession spark, String file) {
    Path path = new Path(file);
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (InputStream in = fs.open(path)) {
        byte[] buffer = new byte[1 << 16];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          digest.update(buffer, 0, n);
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + " for its checksum", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
