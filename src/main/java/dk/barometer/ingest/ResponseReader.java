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
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the response files of one survey and wave. File-level faults (missing directory, unreadable file, missing
 * or unexpected column, nested column) stop here, naming the file. Every contract column comes out as a string,
 * exactly as delivered, plus {@link #SOURCE_FILE}: typing and row-level checks are the validator's job, so a
 * value of the wrong type becomes a rejected row instead of a failed read.
 */
public final class ResponseReader {
  public static final String SOURCE_FILE = "source_file";

  private final SparkSession spark;
  private final ResponseContract contract;

  public ResponseReader(SparkSession spark, ResponseContract contract) {
    this.spark = spark;
    this.contract = contract;
  }

  public RawResponses read(String dir) {
    List<String> files = ParquetFiles.list(spark, contract.describe(), dir);
    Dataset<Row> all = null;
    for (String file : files) {
      Dataset<Row> one = asStrings(file, ParquetFiles.open(spark, file));
      all = all == null ? one : all.unionByName(one);
    }
    return new RawResponses(files, all);
  }

  private Dataset<Row> asStrings(String file, Dataset<Row> df) {
    StructType schema = df.schema();
    Set<String> present = new LinkedHashSet<>(List.of(schema.fieldNames()));
    List<String> expected = contract.columns();
    List<String> missing = expected.stream().filter(c -> !present.contains(c)).toList();
    List<String> extra = present.stream().filter(c -> !expected.contains(c)).toList();
    if (!missing.isEmpty() && !extra.isEmpty()) {
      throw InputErrors.renamedColumns(file, missing, extra);
    }
    if (!missing.isEmpty()) {
      throw InputErrors.missingColumns(file, missing);
    }
    if (!extra.isEmpty()) {
      throw InputErrors.unexpectedColumns(file, extra, contract.codebook().version());
    }
    for (StructField field : schema.fields()) {
      DataType type = field.dataType();
      if (type instanceof StructType || type instanceof ArrayType || type instanceof MapType) {
        throw InputErrors.nonScalarColumn(file, field.name(), type.simpleString());
      }
    }
    List<Column> columns = new ArrayList<>();
    for (String c : expected) {
      columns.add(col(c).cast("string").as(c));
    }
    columns.add(lit(file).as(SOURCE_FILE));
    return df.select(columns.toArray(Column[]::new));
  }
}
