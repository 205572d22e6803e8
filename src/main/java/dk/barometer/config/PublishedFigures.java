package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The published figures of one wave ({@code conf/published/<wave>.yaml}) and the tolerance for reproducing them. */
public record PublishedFigures(int wave, double tolerancePoints, List<PublishedFigure> figures) {
  public PublishedFigures {
    checkArgument(tolerancePoints > 0, "tolerance_points must be positive, not %s", tolerancePoints);
    checkArgument(figures != null && !figures.isEmpty(), "No published figures for wave %s", wave);
    figures = List.copyOf(figures);
    Set<String> refs = new HashSet<>();
    for (PublishedFigure f : figures) {
      checkArgument(refs.add(f.ref()), "Published figure ref '%s' is used twice", f.ref());
    }
  }

  public static PublishedFigures load(Path conf, int wave) {
    return Yaml.read(conf.resolve("published").resolve(wave + ".yaml"), PublishedFigures.class);
  }
}
