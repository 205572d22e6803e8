package dk.barometer.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the response files of one survey and wave. File-level faults (missing directory, unreadable file, missing
 * or unexpected column, nested column) stop here, naming the file. Every contract column comes out as delivered,
 * numeric or as a string (see {@link #numericInEveryFile}), plus {@link #FILE_INDEX}: typing and row-level checks
 * are the validator's job, so a value of the wrong type becomes a rejected row instead of a failed read.
 */
public final class ResponseReader {
  public static final String SOURCE_FILE = "source_file";
  /**
   * The row's file as its place in {@link RawResponses#files()}: a number travels through the spread, the
   * validation and the cached rows in four bytes where the file's path would take a hundred and more on every row;
   * {@link RawResponses#fileName} gives the path back.
   */
  public static final String FILE_INDEX = "source_file_index";

  private final SparkSession spark;
  private final ResponseContract contract;

  public ResponseReader(SparkSession spark, ResponseContract contract) {
    this.spark = spark;
    this.contract = contract;
  }

  public RawResponses read(String dir) {
    List<String> files = ParquetFiles.list(spark, contract.describe(), dir);
    List<Dataset<Row>> opened = new ArrayList<>();
    long rowGroups = 0;
    long rowsInFiles = 0;
    for (String file : files) {
      ParquetFiles.ParquetFile parquet = ParquetFiles.open(spark, file);
      checkColumns(file, parquet.rows().schema());
      opened.add(parquet.rows());
      rowGroups += parquet.rowGroups();
      rowsInFiles += parquet.rowCount();
    }
    Set<String> numeric = numericInEveryFile(opened);
    Dataset<Row> all = null;
    for (int f = 0; f < files.size(); f++) {
      List<Column> columns = new ArrayList<>();
      for (String c : contract.columns()) {
        columns.add(numeric.contains(c) ? col(c) : col(c).cast("string").as(c));
      }
      columns.add(lit(f).as(FILE_INDEX));
      Dataset<Row> one = opened.get(f).select(columns.toArray(Column[]::new));
      all = all == null ? one : all.unionByName(one);
    }
    return new RawResponses(files, spread(all, rowGroups), rowsInFiles);
  }

  /**
   * The rows spread over every core where the files hold fewer row groups than that: Parquet splits only at row
   * groups, so one large file of one row group would otherwise be validated, weighted, estimated and written by a
   * single task. Hashing the id keeps the spread the same from run to run.
   */
  private Dataset<Row> spread(Dataset<Row> rows, long rowGroups) {
    int cores = spark.sparkContext().defaultParallelism();
    return rowGroups >= cores ? rows : rows.repartition(cores, col(ResponseContract.RESPONDENT_ID));
  }

  /**
   * The id, wave and question columns that every file delivers with one and the same numeric type: they keep it,
   * which spares a round trip through strings for every answer. Any other column, or one whose type differs between
   * files, comes out as a string.
   */
  private Set<String> numericInEveryFile(List<Dataset<Row>> files) {
    Set<String> candidates = new LinkedHashSet<>(List.of(ResponseContract.RESPONDENT_ID, ResponseContract.WAVE));
    contract.questions().forEach(q -> candidates.add(q.id()));
    Set<String> numeric = new LinkedHashSet<>();
    for (String c : candidates) {
      Set<DataType> types = new LinkedHashSet<>();
      for (Dataset<Row> df : files) {
        types.add(df.schema().apply(c).dataType());
      }
      if (types.size() == 1 && types.iterator().next() instanceof NumericType) {
        numeric.add(c);
      }
    }
    return numeric;
  }

  private void checkColumns(String file, StructType schema) {
    ParquetFiles.checkColumnNames(file, schema, contract.columns(),
        extra -> InputErrors.unexpectedColumns(file, extra, contract.codebook().version()));
    for (StructField field : schema.fields()) {
      DataType type = field.dataType();
      if (type instanceof StructType || type instanceof ArrayType || type instanceof MapType) {
        throw InputErrors.nonScalarColumn(file, field.name(), type.simpleString());
      }
    }
  }
}
