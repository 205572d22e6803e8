package dk.barometer.config;

import dk.barometer.BarometerException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Every configuration error (exit 3), one factory method each: the message names the file and says what is wrong,
 * with which value, why, and what to do.
 */
final class ConfigErrors {
  private ConfigErrors() {}

  private static BarometerException config(String format, Object... args) {
    return new BarometerException(BarometerException.Kind.CONFIG, String.format(format, args));
  }

  private static BarometerException config(Throwable cause, String format, Object... args) {
    return new BarometerException(BarometerException.Kind.CONFIG, String.format(format, args), cause);
  }

  /** A failed check of a configuration record ({@link Checks}); the message is the check's own. */
  static BarometerException invalid(String message) {
    return config("%s", message);
  }

  static BarometerException missingFile(Path file) {
    return config("Configuration file %s does not exist. Check --conf (or BAROMETER_CONF).", file);
  }

  static BarometerException unreadableYaml(String file, Exception cause) {
    return config(cause, "%s: cannot read YAML: %s", file, cause.getMessage());
  }

  /** YAML that reads but does not fit the record: {@code problem} says which value, {@code where} at which key. */
  static BarometerException unboundYaml(String file, String problem, String where, Exception cause) {
    return config(cause, "%s: %s%s", file, problem, where);
  }

  static BarometerException unreadableForFingerprint(Path directory, Exception cause) {
    return config(cause, "Cannot fingerprint %s: %s", directory, cause);
  }

  static BarometerException unparsableCondition(SqlSnippet condition, String parserError, Exception cause) {
    return config(cause, "%s: the condition %s: \"%s\" is not Spark SQL: %s. Correct its syntax: it is a Spark SQL "
        + "boolean expression, as after WHERE.", condition.source(), condition.key(), condition.text(), parserError);
  }

  /** {@code nearest}: the columns the condition may have meant, if any is near; {@code columns}: all of them. */
  static BarometerException unknownColumn(SqlSnippet condition, String column, String rows, List<String> nearest,
                                          List<String> columns) {
    return config("%s: the condition %s: \"%s\" names column '%s', which is not a column of %s. %s",
        condition.source(), condition.key(), condition.text(), column, rows, nearest.isEmpty()
            ? "Use one of its columns: " + String.join(", ", columns) + "."
            : "Did you mean " + String.join(" or ", nearest) + "? Correct the column name in the condition.");
  }

  static BarometerException conditionBeyondItsColumns(SqlSnippet condition) {
    return config("%s: the condition %s: \"%s\" holds a subquery or *, which read more than a respondent's "
        + "answers. Name the columns the condition is about, without SELECT or *.", condition.source(),
        condition.key(), condition.text());
  }

  /** A breakdown by {@code variable}, which is no classification variable or question of the survey's rows. */
  static BarometerException unknownBreakdown(String source, String variable, String rows, List<String> nearest,
                                             List<String> variables) {
    return config("%s: breakdown by '%s', which is not a classification variable or question of %s. %s", source,
        variable, rows, nearest.isEmpty() ? "Break down by one of: " + String.join(", ", variables) + "."
            : "Did you mean " + String.join(" or ", nearest) + "?");
  }

  /**
   * A sentence, chart or topic of {@code file} ({@code where} in it) names a {@code kind} of {@code pact_figures} (a
   * figure, a breakdown of one, a value of a breakdown) that it does not have: no year would have a count for it,
   * and it would be left out as if the year had none.
   */
  static BarometerException unknownPactName(Path file, String where, String kind, String name, List<String> known) {
    List<String> nearest = NearestNames.of(name, known);
    return config("%s: %s names %s '%s', which pact_figures does not have, so no year could state it. %sIt has %s.",
        file, where, kind, name, nearest.isEmpty() ? "" : "Did you mean " + String.join(" or ", nearest) + "? ",
        String.join(", ", known));
  }

  static BarometerException notOneIndicator(String file, int indicators) {
    return config("%s defines %d indicators under 'indicators'; an estimate takes one. Keep the one to estimate "
        + "(as in conf/indicators.yaml) with the domains it names under 'domains'.", file, indicators);
  }

  static BarometerException unknownRole(String id) {
    return config("No role '%s'. The roles are analyst (published aggregates), researcher (those and pseudonymised "
        + "microdata) and engineer (everything); name one of them.", id);
  }

  static BarometerException unreadableSecret(TokenSource source, Exception cause) {
    return config(cause, "Cannot read the secret in %s: %s. Make the file readable by the user that runs "
        + "jobs/barometer (and by no one else).", source, cause.getMessage());
  }

  /** The fix depends on the kind of source: a variable to set, or a file to make. */
  static BarometerException missingPseudonymKey(TokenSource source) {
    String fix = source.kind().equals("env")
        ? String.format("Set %s to the key's text, or keep the key in a file outside the warehouse and conf/ (head "
            + "-c 32 /dev/urandom | base64 > FILE; chmod 600 FILE) and name it in the environment profile "
            + "(pseudonym_key: file:FILE)", source.name())
        : String.format("Make the key file (head -c 32 /dev/urandom | base64 > %1$s; chmod 600 %1$s), or correct "
            + "pseudonym_key in the environment profile", source.name());
    return config("No pseudonym key in %s: the respondent pseudonyms of the microdata tables are computed with it. "
        + "%s. Keep the key: another key gives every respondent another pseudonym.", source, fix);
  }

  static BarometerException shortPseudonymKey(TokenSource source, int bytes, int minimum) {
    return config("The pseudonym key in %s has %d bytes; it needs at least %d. Make one of 32 random bytes "
        + "(head -c 32 /dev/urandom | base64 > FILE; chmod 600 FILE) and name it in %s's place.", source, bytes,
        minimum, source);
  }

  static BarometerException comparisonId(Path file, String key, String id) {
    return config("%s: %s.id '%s' is missing or used twice. Give every comparison its own id (it keys the "
        + "comparisons table).", file, key, id);
  }

  static BarometerException comparisonIndicator(Path file, String key, String survey, String indicator,
                                                Set<String> surveys) {
    return config("%s: %s names indicator '%s' of survey '%s', which conf/indicators.yaml does not define. Name an "
        + "indicator id of the catalogue and its survey (one of %s).", file, key, indicator, survey, surveys);
  }

  static BarometerException comparisonCategory(Path file, String key, String indicator, String category,
                                               List<String> categories) {
    return config("%s: %s '%s' is not a category of indicator '%s'. Use one of %s (leave it out for a share).", file,
        key, category, indicator, categories);
  }

  static BarometerException comparisonDomain(Path file, String key, String domain, String indicator,
                                             List<String> domains) {
    return config("%s: %s '%s' is not a domain indicator '%s' is broken down by, so it has no estimate there. Use "
        + "one of %s, or add the domain to the indicator in conf/indicators.yaml.", file, key, domain, indicator,
        domains);
  }

  static BarometerException comparisonDomainValue(Path file, String key, String domain, String value,
                                                  List<String> values) {
    return config("%s: %s '%s' is not a value of domain '%s'. Use one of %s.", file, key, value, domain, values);
  }

  static BarometerException comparisonSameGroups(Path file, String key, String group) {
    return config("%s: %s compares %s with itself. Give first and second different domain values.", file, key,
        group);
  }

  static BarometerException comparisonMeasures(Path file, String key) {
    return config("%s: %s is empty. List what the comparison states: [difference], [ratio] or both.", file, key);
  }

  static BarometerException comparisonExpectation(Path file, String key, String value, String allowed) {
    return config("%s: %s '%s' cannot be checked. Give %s.", file, key, value, allowed);
  }
}
