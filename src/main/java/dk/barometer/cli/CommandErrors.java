package dk.barometer.cli;

import dk.barometer.BarometerException;
import dk.barometer.runtime.Causes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Every fault of a command line and of the commands' own checks, one factory method each. A usage fault names the
 * command and points to its help.
 */
final class CommandErrors {
  private CommandErrors() {}

  private static BarometerException usage(String command, String problem) {
    return new BarometerException(BarometerException.Kind.USAGE,
        String.format("%s: %s. See 'jobs/barometer %s --help'.", command, problem, command));
  }

  static BarometerException unknownCommand(String command) {
    return new BarometerException(BarometerException.Kind.USAGE,
        "Unknown command '" + command + "'.\n" + CommandHelp.USAGE);
  }

  static BarometerException unknownOption(String command, String option) {
    return usage(command, "unknown option --" + option);
  }

  /** {@code option} as written: {@code --name} or {@code -f}. */
  static BarometerException missingValue(String command, String option) {
    return usage(command, "option " + option + " needs a value");
  }

  static BarometerException notOneOf(String command, String option, String value, List<String> allowed) {
    return usage(command, "option --" + option + " is one of " + String.join(", ", allowed) + ", not '" + value + "'");
  }

  static BarometerException missingOption(String command, String option) {
    return usage(command, "option --" + option + " is required");
  }

  static BarometerException missingInput(String command) {
    return usage(command, "option --input is required (or --env with a profile's input)");
  }

  static BarometerException notAWholeNumber(String command, String option, String value) {
    return usage(command, "option --" + option + " needs a whole number, not '" + value + "'");
  }

  /** {@code fault} says why: which existing part of {@code dir} is a file or not writable. */
  static BarometerException unwritableDirectory(String command, String option, Path dir, String fault) {
    return usage(command, "cannot write under --" + option + " " + dir + ": " + fault);
  }

  static BarometerException unwritableFile(String command, String option, Path file, String fault) {
    return usage(command, "cannot write --" + option + " " + file + ": " + fault);
  }

  static BarometerException unknownRole(String command, String role) {
    return usage(command, "option --role takes analyst, researcher or engineer, not '" + role + "'");
  }

  static BarometerException tooManyQueries() {
    return usage("sql", "give one query in quotes, -f FILE.sql, or no query for the prompt");
  }

  /** {@code source} is the script file or standard input. */
  static BarometerException unreadableScript(String source, IOException cause) {
    return usage("sql", "cannot read " + source + ": " + Causes.firstLine(cause));
  }

  /** A running endpoint refused the token of {@code role}, read from {@code source}. */
  static BarometerException endpointRefused(String endpoint, String role, String source, String status) {
    return new BarometerException(BarometerException.Kind.CONFIG, String.format("sql: the endpoint at %s refused role "
        + "%s's token (%s): %s. Set the token the endpoint was started with, or choose another --role.", endpoint,
        role, source, status));
  }

  /** $BAROMETER_ENDPOINT is not an endpoint's address. */
  static BarometerException badEndpoint(String endpoint) {
    return new BarometerException(BarometerException.Kind.USAGE, String.format("sql: BAROMETER_ENDPOINT is '%s', "
        + "not an endpoint's address. Set it to sc://HOST:PORT (as 'jobs/barometer serve' prints it), or to off to "
        + "run sql locally.", endpoint));
  }

  /** The endpoint answered a statement without the relation of its result. */
  static BarometerException noResult(String endpoint, String statement) {
    return new BarometerException(BarometerException.Kind.USAGE, String.format("sql: the endpoint at %s answered "
        + "'%s' without a result. Check that the endpoint runs this version of barometer, or set "
        + "BAROMETER_ENDPOINT=off to run sql locally.", endpoint, statement));
  }

  /** A result batch from the endpoint could not be decoded. */
  static BarometerException unreadableResult(String endpoint, IOException cause) {
    return new BarometerException(BarometerException.Kind.USAGE, String.format("sql: a result from the endpoint at "
        + "%s could not be read: %s. Check that the endpoint runs this version of barometer, or set "
        + "BAROMETER_ENDPOINT=off to run sql locally.", endpoint, Causes.firstLine(cause)), cause);
  }

  /** The endpoint refused a request as a local run would have: its failure of that {@code kind}, with its message. */
  static BarometerException refusedAtEndpoint(BarometerException.Kind kind, String message) {
    return new BarometerException(kind, message);
  }

  /** The command's work is done and its output could not be saved. */
  static BarometerException unwritable(Path target, IOException cause) {
    return new BarometerException(BarometerException.Kind.WRITE, String.format("Cannot write %s: %s. Check that its "
        + "directory is writable, or choose another path.", target, Causes.firstLine(cause)), cause);
  }

  static BarometerException publishedNotReproduced(long flagged, long contradicted, int wave) {
    return new BarometerException(BarometerException.Kind.CHECK_FAILED, String.format("%d published figure(s) of wave "
        + "%d are not reproduced (FLAG or MISSING above) and %d claim(s) of conf/comparisons.yaml are contradicted "
        + "(CONTRADICTED above). Check the wave's input and conf/ against those the publication was made from.",
        flagged, wave, contradicted));
  }

  static BarometerException coverageOutside(double pooled, double low, double high) {
    return new BarometerException(BarometerException.Kind.CHECK_FAILED, String.format("Pooled coverage %.1f %% is "
        + "outside %.0f-%.0f %%: the standard errors are off by more than chance. Check the variance estimation "
        + "against the rows marked 'outside' above, or run more --samples.", 100 * pooled, 100 * low, 100 * high));
  }
}
