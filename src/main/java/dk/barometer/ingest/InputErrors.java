package dk.barometer.ingest;

import dk.barometer.BarometerException;
import java.util.Collection;

/** Every file-level input fault, one factory method each: the message names the file and says what to do. */
public final class InputErrors {
  private InputErrors() {}

  private static BarometerException badInput(String format, Object... args) {
    return new BarometerException(BarometerException.Kind.BAD_INPUT, String.format(format, args));
  }

  public static BarometerException missingDirectory(String what, String dir) {
    return badInput("%s: directory %s does not exist. Put the Parquet files there (see the input contract in "
        + "README.md) or pass the right --input.", what, dir);
  }

  public static BarometerException noFiles(String what, String dir) {
    return badInput("%s: directory %s holds no .parquet files.", what, dir);
  }

  public static BarometerException unreadable(String file, Throwable cause) {
    String reason = cause.getMessage() == null ? cause.getClass().getSimpleName()
        : cause.getMessage().lines().findFirst().orElse("");
    return new BarometerException(BarometerException.Kind.BAD_INPUT, String.format(
        "%s: not a readable Parquet file (%s). Re-export the file.", file, reason), cause);
  }

  public static BarometerException missingColumns(String file, Collection<String> columns) {
    return badInput("%s: missing column(s) %s required by the input contract and codebook. Add them, or check "
        + "that the file belongs to this survey and wave.", file, columns);
  }

  public static BarometerException unexpectedColumns(String file, Collection<String> columns, String codebook) {
    return badInput("%s: column(s) %s are not in codebook %s. Remove them, or add the questions to the codebook.",
        file, columns, codebook);
  }

  /** Columns missing and others unexpected in one file: most often a column renamed in the export. */
  public static BarometerException renamedColumns(String file, Collection<String> missing, Collection<String> extra) {
    return badInput("%s: column(s) %s are missing and column(s) %s are not in the input contract; were they "
        + "renamed? Deliver the columns under the codebook's names.", file, missing, extra);
  }

  public static BarometerException nonScalarColumn(String file, String column, String type) {
    return badInput("%s: column '%s' has type %s; the input contract needs a plain integer or string column.",
        file, column, type);
  }

  public static BarometerException emptyFile(String file) {
    return badInput("%s: the file has no rows.", file);
  }

  public static BarometerException noValidRows(String what, long rejected) {
    return badInput("%s: all %d rows were rejected; see the rejects table for the reasons. Nothing was written.",
        what, rejected);
  }
}
