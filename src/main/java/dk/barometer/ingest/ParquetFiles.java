package dk.barometer.ingest;

import dk.barometer.BarometerException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.parquet.ParquetToSparkSchemaConverter;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.StructType;

/**
 * Lists the Parquet data files of an input directory on any Hadoop file system, in name order, and opens them with
 * what their footers say (schema, row groups). A file that is neither Parquet nor a hidden or marker file
 * ({@code _SUCCESS}, {@code .crc}) is a file fault.
 */
final class ParquetFiles {
  private ParquetFiles() {}

  /** One opened Parquet file: its rows, and the row groups and number of rows its footer lists. */
  record ParquetFile(Dataset<Row> rows, int rowGroups, long rowCount) {}

  /**
   * Checks that {@code file}'s columns ({@code schema}) are {@code expected}, no more and no less: a column missing
   * where another is extra reads as renamed; an extra one alone is {@code unexpected}'s error.
   */
  static void checkColumnNames(String file, StructType schema, List<String> expected,
                               Function<List<String>, BarometerException> unexpected) {
    Set<String> present = new LinkedHashSet<>(List.of(schema.fieldNames()));
    List<String> missing = expected.stream().filter(c -> !present.contains(c)).toList();
    List<String> extra = present.stream().filter(c -> !expected.contains(c)).toList();
    if (!missing.isEmpty() && !extra.isEmpty()) {
      throw InputErrors.renamedColumns(file, missing, extra);
    }
    if (!missing.isEmpty()) {
      throw InputErrors.missingColumns(file, missing);
    }
    if (!extra.isEmpty()) {
      throw unexpected.apply(extra);
    }
  }

  /**
   * Opens one Parquet file with the schema of its footer, read on the driver: Spark's own schema inference would
   * start a job per file. An unreadable file is a file-level fault naming it.
   */
  static ParquetFile open(SparkSession spark, String file) {
    ParquetMetadata footer = footer(spark, file);
    try {
      StructType schema = new ParquetToSparkSchemaConverter(SQLConf.get())
          .convert(footer.getFileMetaData().getSchema());
      return new ParquetFile(spark.read().schema(schema).parquet(file), footer.getBlocks().size(),
          rowCount(footer));
    } catch (Exception e) { // Spark's checked AnalysisException included
      throw InputErrors.unreadable(file, e);
    }
  }

  /** The rows of one Parquet file, as its footer counts them. */
  static long rows(SparkSession spark, String file) {
    return rowCount(footer(spark, file));
  }

  private static long rowCount(ParquetMetadata footer) {
    return footer.getBlocks().stream().mapToLong(block -> block.getRowCount()).sum();
  }

  private static ParquetMetadata footer(SparkSession spark, String file) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file), conf))) {
      return reader.getFooter();
    } catch (IOException | RuntimeException e) {
      throw InputErrors.unreadable(file, e);
    }
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
        if (!status.isFile() || name.startsWith("_") || name.startsWith(".")) {
          continue;
        }
        // Any other file is part of the delivery: skipped, it would be rows silently left out.
        if (!name.endsWith(".parquet")) {
          throw InputErrors.notParquet(what, status.getPath().toString());
        }
        files.add(status.getPath().toString());
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
