package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.util.regex.Pattern;

/**
 * One question of a survey: the integer column {@code id} of the response files, answered on {@code scale}.
 * {@code askedIf} is the routing as a Spark SQL condition (null: asked of everyone); {@code group} an optional
 * grouping used by composite indicators (economic / other value); {@code assumption} documents a project decision
 * where the source report is silent.
 */
public record Question(String id, String scale, String da, String en, String askedIf, String group,
                       String assumption) {
  private static final Pattern COLUMN_NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public Question {
    checkArgument(id != null && COLUMN_NAME.matcher(id).matches(),
        "Question id '%s' must be a lower-case column name ([a-z][a-z0-9_]*)", id);
    checkArgument(scale != null, "Question '%s' has no scale", id);
    checkArgument(da != null && en != null, "Question '%s' needs both Danish (da) and English (en) text", id);
  }
}
