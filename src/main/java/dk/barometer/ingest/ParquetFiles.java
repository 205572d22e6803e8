package dk.barometer.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Lists the Parquet data files of an input directory on any Hadoop file system, in name order. */
final class ParquetFiles {
  private ParquetFiles() {}

  /** Opens one Parquet file, reading its schema; an unreadable file is a file-level fault naming it. */
  static Dataset<Row> open(SparkSession spark, String file) {
    try {
      Dataset<Row> df = spark.read().parquet(file);
      df.schema();
      return df;
    } catch (Exception e) { // Spark's checked SparkException included
      throw InputErrors.unreadable(file, e);
    }
  }

  /** The row groups of the files, from their footers (read on the driver, no Spark job). */
  static long rowGroups(SparkSession spark, List<String> files) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    long groups = 0;
    for (String file : files) {
      try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file), conf))) {
        groups += reader.getRowGroups().size();
      } catch (IOException | RuntimeException e) {
        throw InputErrors.unreadable(file, e);
      }
    }
    return groups;
  }

  static List<String> list(SparkSession spark, String what, String dir) {
    Path path = new Path(dir);
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(path) || !fs.getFileStatus(path).isDirectory()) {
        throw InputErrors.missingDirectory(what, dir);
      }
      List<String> files = new ArrayList<>();
      for (FileStatus status : fs.listStatus(path)) {
        String name = status.getPath().getName();
        // Hidden and marker files (_SUCCESS, .crc) are written by Spark and Hadoop, not data.
        if (status.isFile() && name.endsWith(".parquet") && !name.startsWith("_") && !name.startsWith(".")) {
          files.add(status.getPath().toString());
        }
      }
      if (files.isEmpty()) {
        throw InputErrors.noFiles(what, dir);
      }
      files.sort(String::compareTo);
      return files;
    } catch (FileNotFoundException e) {
      throw InputErrors.missingDirectory(what, dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
  }
}
