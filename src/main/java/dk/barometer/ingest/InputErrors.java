package dk.barometer.ingest;

import dk.barometer.BarometerException;
import dk.barometer.runtime.Causes;
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

  public static BarometerException notParquet(String what, String file) {
    return badInput("%s: %s is not a .parquet file, so its rows would be left out. Remove it from the directory or "
        + "move it elsewhere; only .parquet files (and hidden or marker files starting with '_' or '.') belong there.",
        what, file);
  }

  public static BarometerException unreadable(String file, Throwable cause) {
    return new BarometerException(BarometerException.Kind.BAD_INPUT, String.format(
        "%s: not a readable Parquet file (%s). Re-export the file.", file, Causes.firstLine(cause)), cause);
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

  static BarometerException registerRowIncomplete(String file, Object row) {
    return badInput("%s: a row has no population, variable or category (%s). Fill them in or remove the row.", file,
        row);
  }

  static BarometerException registerCountMissing(String file, String population, String variable, String category) {
    return badInput("%s: register count for %s / %s = %s is missing or not a number. Give the count as a number.",
        file, population, variable, category);
  }

  static BarometerException registerCountNotPositive(String file, String population, String variable,
                                                     String category, double count) {
    return badInput("%s: register count for %s / %s = %s is %s; counts must be positive. A category without "
        + "population belongs out of the register (or collapsed into a neighbour).", file, population, variable,
        category, count);
  }

  static BarometerException registerCountRepeated(String file, String population, String variable,
                                                  String category) {
    return badInput("%s: register count for %s / %s = %s appears more than once. Keep one row per cell.", file,
        population, variable, category);
  }

  static BarometerException populationNotInRegister(String location, int year, String population,
                                                    Collection<String> populations) {
    return badInput("Register %s (year %s) has no rows for population '%s'; it has %s. Add the population's margins "
        + "to the register extract, or correct the survey's population in conf/barometer.yaml.", location, year,
        population, populations);
  }

  static BarometerException marginNotInRegister(String location, int year, String population, String variable,
                                                Collection<String> variables) {
    return badInput("Register %s (year %s) has no '%s' counts for population '%s'; it has %s. Add the margin to the "
        + "register extract, or correct the survey's margins in conf/barometer.yaml.", location, year, variable,
        population, variables);
  }

  static BarometerException unexpectedPactColumns(String file, Collection<String> columns) {
    return badInput("%s: column(s) %s are not in the pact's input contract (docs/input.md). Remove them from the "
        + "export.", file, columns);
  }

  static BarometerException mistypedColumn(String file, String column, String type, String expected) {
    return badInput("%s: column '%s' has type %s; the input contract needs a %s column. Export the column with that "
        + "type.", file, column, type, expected);
  }
}
