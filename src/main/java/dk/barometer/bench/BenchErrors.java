package dk.barometer.bench;

import dk.barometer.BarometerException;
import dk.barometer.runtime.Causes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Every failure of the benchmark and its comparison with R, one factory method each. */
final class BenchErrors {
  private BenchErrors() {}

  static BarometerException badSize(String word) {
    return new BarometerException(BarometerException.Kind.USAGE, String.format("bench: size '%s' is not a positive "
        + "number of employees (e.g. 3000, 3k, 1m). See 'jobs/barometer bench --help'.", word));
  }

  static BarometerException diskTooSmall(Path out, String needed, String available, long perEmployee) {
    return new BarometerException(BarometerException.Kind.USAGE, String.format(Locale.ROOT, "bench: these sizes need "
        + "about %s under %s (%d bytes per employee respondent), and %s is free there. Choose smaller sizes or an "
        + "--out on a larger disk.", needed, out.toAbsolutePath(), perEmployee, available));
  }

  static BarometerException freeSpaceUnknown(Path dir, Exception cause) {
    return new BarometerException(BarometerException.Kind.WRITE, String.format("bench: cannot tell the free space "
        + "under %s: %s. Check that this user can read it, or choose another --out.", dir, Causes.firstLine(cause)),
        cause);
  }

  static BarometerException warehouseNotEmptied(Path dir, IOException cause) {
    return new BarometerException(BarometerException.Kind.WRITE, String.format("Cannot empty the benchmark warehouse "
        + "%s: %s. Remove it by hand, or choose another --out.", dir, Causes.firstLine(cause)), cause);
  }

  static BarometerException designNotInScript(Path script, List<String> design, String survey, String stratum,
                                              List<String> margins) {
    return new BarometerException(BarometerException.Kind.CONFIG, String.format("--vs-r rakes stratum %s to the "
        + "margins %s in %s; the %s survey of conf/barometer.yaml has stratum %s and margins %s. Bench --vs-r with "
        + "the design of the installation's conf/, or without --vs-r.", design.get(0), design.subList(1,
        design.size()), script, survey, stratum, margins));
  }

  static BarometerException notPlainRaking(Path script, String survey) {
    return new BarometerException(BarometerException.Kind.CONFIG, String.format("--vs-r compares plain raking: the %s "
        + "survey's collapse rules or trimming (conf/barometer.yaml) are not in %s. Bench --vs-r with a configuration "
        + "without them, or without --vs-r.", survey, script));
  }

  static BarometerException scriptMissing(Path script) {
    return new BarometerException(BarometerException.Kind.CONFIG, String.format("--vs-r needs the R script %s "
        + "(src/test/r of the source tree), which is not there. Bench --vs-r from a source checkout.", script));
  }

  static BarometerException surveyPackageMissing(String output) {
    return new BarometerException(BarometerException.Kind.CONFIG,
        "--vs-r needs R's survey package (apt-get install r-cran-survey): " + output);
  }

  static BarometerException rscriptMissing(IOException cause) {
    return new BarometerException(BarometerException.Kind.CONFIG, "--vs-r needs Rscript on the PATH (apt-get "
        + "install r-base-core r-cran-survey): " + Causes.firstLine(cause), cause);
  }

  static BarometerException comparisonUnwritable(Path dir, IOException cause) {
    return new BarometerException(BarometerException.Kind.WRITE, String.format("Cannot write the R comparison files "
        + "under %s: %s. Check that the directory is writable, or choose another --out.", dir,
        Causes.firstLine(cause)), cause);
  }

  /**
   * An R script that did not finish. Exit 137 is a kill by signal 9, which on Linux is most often the kernel's
   * out-of-memory killer: R's replicate design keeps every replicate weight of every row, copied as it calibrates.
   */
  static BarometerException rFailed(Path script, Path dir, int exit, String output) {
    String cause = exit == 137
        ? "it was killed (signal 9), most often by the system for want of memory; at 1m rows the replicate script "
            + "took 16 GB before it was killed. Run that size without --vs-r, or on a machine with more memory"
        : "check the R messages above, and that the files under " + dir + " are complete";
    return new BarometerException(BarometerException.Kind.CHECK_FAILED, String.format(
        "R stopped on %s with exit %d (%s): %s.", script.getFileName(), exit, output.isBlank() ? "no output"
            : output.strip(), cause));
  }

  static BarometerException estimateNotInRun(String key, Path results, Path script) {
    return new BarometerException(BarometerException.Kind.CHECK_FAILED, String.format("R estimated %s (%s) but the "
        + "run's indicators table has no such estimate: R and the run estimated different items. Check that %s "
        + "estimates the items of items.csv, by the breakdowns the run has.", key, results, script));
  }

  static BarometerException layoutsDisagree(Object arrayGroups, Object longGroups) {
    return new BarometerException(BarometerException.Kind.CHECK_FAILED, String.format("bench --layouts: the bootstrap "
        + "query found the groups %s in the array layout and %s in the long layout, written from the same rows. This "
        + "is a bug of the benchmark; please report it with the command.", arrayGroups, longGroups));
  }

  static BarometerException layoutUnmeasured(Path dir, Exception cause) {
    return new BarometerException(BarometerException.Kind.WRITE, String.format("bench --layouts: cannot measure the "
        + "files under %s: %s. Check that this user can read it, or choose another --out.", dir,
        Causes.firstLine(cause)), cause);
  }
}
