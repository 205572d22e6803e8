package dk.barometer.report;

import dk.barometer.BarometerException;
import dk.barometer.runtime.Causes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Every failure of writing a report, one factory method each. */
final class ReportErrors {
  private ReportErrors() {}

  static BarometerException waveMissing(int wave, String warehouse, List<Integer> waves) {
    return new BarometerException(BarometerException.Kind.USAGE, String.format("Wave %d is not in the warehouse %s"
        + " (its indicators hold %s). Run it first (jobs/barometer run --wave %d --input DIR) or choose one of "
        + "those.", wave, warehouse, waves.isEmpty() ? "no wave" : "waves " + waves, wave));
  }

  static BarometerException trendsNotAdjusted(String warehouse) {
    return new BarometerException(BarometerException.Kind.USAGE, String.format("The trends table of %s was written "
        + "before trends had the Benjamini-Hochberg adjusted p-value (p_adjusted), which the report marks. Rewrite "
        + "it from the indicators (jobs/barometer trends --warehouse %s), then write the report again.", warehouse,
        warehouse));
  }

  static BarometerException scriptMissing(String file) {
    return new BarometerException(BarometerException.Kind.CONFIG, String.format("%s is not on the class path next "
        + "to %s: build with Maven (mvn -B package), whose generate-resources step installs it with npm "
        + "(src/main/js).", file, ReportScripts.class.getName()));
  }

  static BarometerException scriptUnreadable(String file, IOException cause) {
    return new BarometerException(BarometerException.Kind.CONFIG, String.format("Cannot read %s from the class path: "
        + "%s. Rebuild with Maven (mvn -B package).", file, Causes.firstLine(cause)), cause);
  }

  static BarometerException unwritable(Path dir, IOException cause) {
    return new BarometerException(BarometerException.Kind.WRITE, String.format("Cannot write the report to %s: %s. "
        + "Check that the directory is writable, or choose another --out.", dir, Causes.firstLine(cause)), cause);
  }

  static BarometerException unfilledPlaceholder(String where, String placeholder, Set<String> known) {
    return new BarometerException(BarometerException.Kind.CONFIG, String.format("conf/publication.yaml: %s uses "
        + "{%s}, which it cannot fill there (it can fill %s). Use one of those, or move the sentence to a kind that "
        + "has it.", where, placeholder, new TreeSet<>(known)));
  }

  static BarometerException chromiumMissing(String tried) {
    return new BarometerException(BarometerException.Kind.CONFIG, String.format("The PDF is printed by headless "
        + "Chromium, which is not installed here (looked for %s). Install it (apt-get install chromium), set "
        + "BAROMETER_CHROMIUM to its path, or write the HTML edition (--format html) and print that.", tried));
  }

  static BarometerException printFailed(Path file, String reason, Exception cause) {
    return new BarometerException(BarometerException.Kind.WRITE, String.format("Headless Chromium failed on %s: %s. "
        + "The HTML edition beside it is complete; check that the directory is writable and Chromium starts "
        + "(chromium --headless --version), then try again.", file, reason), cause);
  }
}
