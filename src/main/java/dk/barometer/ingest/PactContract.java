package dk.barometer.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;

/**
 * The input contract of the AI competence pact's partner reports, one file set per reporting year: the partners
 * (who they are) and their upskilling reports (how many people they upskilled, in which form, for whom). Each
 * column has a type family; a column of another type is a file fault, since every value of it would be wrong.
 */
public enum PactContract {
  PARTNERS("partners", columns(
      "partner_id", ColumnType.ID, "name", ColumnType.TEXT, "kind", ColumnType.TEXT, "industry", ColumnType.TEXT,
      "size_class", ColumnType.TEXT, "joined_year", ColumnType.INTEGER)),
  UPSKILLINGS("upskillings", columns(
      "partner_id", ColumnType.ID, "year", ColumnType.INTEGER, "form", ColumnType.TEXT, "target_group",
      ColumnType.TEXT, "people", ColumnType.NUMBER));

  public static final String PARTNER_ID = "partner_id";

  private final String fileSet;
  private final Map<String, ColumnType> columns;

  PactContract(String fileSet, Map<String, ColumnType> columns) {
    this.fileSet = fileSet;
    this.columns = columns;
  }

  /** The file set's directory name under {@code <input>/pact/}, and its name in messages and row counts. */
  public String fileSet() {
    return fileSet;
  }

  public List<String> columns() {
    return List.copyOf(columns.keySet());
  }

  ColumnType type(String column) {
    return columns.get(column);
  }

  /** What the files of {@code year} are, for messages. */
  public String describe(int year) {
    return "pact " + fileSet + " of " + year;
  }

  /** The type families of the contract, and the type each column is read as. */
  enum ColumnType {
    /** A text code or id: delivered as a string, or an id as an integer; read as a string. */
    ID("string or integer", "string"),
    TEXT("string", "string"),
    /** A year: an integer column, read as int (a value beyond int reads as null, a row fault). */
    INTEGER("integer", "int"),
    /** A count: any numeric column, read as double so that a fraction or a negative count is a row fault. */
    NUMBER("numeric", "double");

    final String expected;
    final String readAs;

    ColumnType(String expected, String readAs) {
      this.expected = expected;
      this.readAs = readAs;
    }

    boolean accepts(DataType type) {
      boolean integral = type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType
          || type instanceof LongType;
      return switch (this) {
        case ID -> type instanceof StringType || integral;
        case TEXT -> type instanceof StringType;
        case INTEGER -> integral;
        case NUMBER -> type instanceof NumericType;
      };
    }
  }

  private static Map<String, ColumnType> columns(Object... pairs) {
    Map<String, ColumnType> columns = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      columns.put((String) pairs[i], (ColumnType) pairs[i + 1]);
    }
    return columns;
  }
}
