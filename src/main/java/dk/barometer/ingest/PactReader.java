package dk.barometer.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one file set of the pact for one year. File faults stop here, naming the file: a missing directory, a file
 * that is not Parquet or cannot be read, a missing, unexpected or mistyped column, a file without rows. Values are
 * judged row by row later, by the validator.
 */
public final class PactReader {
  public static final String SOURCE_FILE = ResponseReader.SOURCE_FILE;

  private final SparkSession spark;

  public PactReader(SparkSession spark) {
    this.spark = spark;
  }

  public PactFiles read(PactContract contract, int year, String dir) {
    String what = contract.describe(year);
    List<String> files = ParquetFiles.list(spark, what, dir);
    Dataset<Row> all = null;
    long rowsInFiles = 0;
    for (String file : files) {
      ParquetFiles.ParquetFile parquet = ParquetFiles.open(spark, file);
      if (parquet.rowCount() == 0) {
        throw InputErrors.emptyFile(file);
      }
      checkColumns(contract, file, parquet.rows().schema());
      List<Column> columns = new ArrayList<>();
      for (String c : contract.columns()) {
        columns.add(col(c).try_cast(contract.type(c).readAs).as(c));
      }
      columns.add(lit(file).as(SOURCE_FILE));
      Dataset<Row> rows = parquet.rows().select(columns.toArray(Column[]::new));
      all = all == null ? rows : all.unionByName(rows);
      rowsInFiles += parquet.rowCount();
    }
    return new PactFiles(contract, year, files, all, rowsInFiles);
  }

  private static void checkColumns(PactContract contract, String file, StructType schema) {
    ParquetFiles.checkColumnNames(file, schema, contract.columns(),
        extra -> InputErrors.unexpectedPactColumns(file, extra));
    for (StructField field : schema.fields()) {
      PactContract.ColumnType type = contract.type(field.name());
      if (!type.accepts(field.dataType())) {
        throw InputErrors.mistypedColumn(file, field.name(), field.dataType().simpleString(), type.expected);
      }
    }
  }
}
