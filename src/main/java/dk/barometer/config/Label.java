package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

/** A Danish and English text: question wording, answer and category labels. */
public record Label(String da, String en) {
  public Label {
    checkArgument(da != null && !da.isBlank(), "Missing Danish label (da)");
    checkArgument(en != null && !en.isBlank(), "Missing English label (en) for '%s'", da);
  }
}
