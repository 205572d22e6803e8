package dk.barometer.cli;

import dk.barometer.config.Yaml;
import dk.barometer.query.EstimateMessage;
import java.nio.file.Path;

/**
 * The request of {@code estimate}'s command line as it is sent ({@link EstimateMessage}): the options as written,
 * and a {@code --definition} file's text with its name. Read here and checked where it is estimated, locally or at
 * the endpoint, so that both say the same of it. Free of Spark: the endpoint's light client uses it.
 */
final class EstimateOptions {
  private EstimateOptions() {}

  static EstimateMessage message(Args args) {
    int wave = args.requiredWave();
    String file = args.option("definition").map(f -> Path.of(f).toString()).orElse(null);
    return new EstimateMessage(wave, args.option("survey").orElse(null), args.option("share").orElse(null),
        args.option("base").orElse(null), args.option("by").orElse(null), args.option("where").orElse(null),
        file == null ? null : Yaml.text(Path.of(file)), file);
  }
}
