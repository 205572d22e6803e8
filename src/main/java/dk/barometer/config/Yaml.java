package dk.barometer.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dk.barometer.BarometerException;
import java.nio.file.Path;

/**
 * Reads a YAML file of {@code conf/} into a record; unknown keys are errors, so a typo never passes silently.
 * SnakeYAML parses the file first ({@link YamlTree}), so anchors and aliases ({@code &list} / {@code *list}) work
 * for lists and maps too (Jackson's own YAML parser resolves them for scalars only); Jackson then binds the tree to
 * the record.
 */
public final class Yaml {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private Yaml() {}

  public static <T> T read(Path file, Class<T> type) {
    return bind(file.toString(), YamlTree.parse(file), type);
  }

  /** {@code text}, the YAML of {@code source} (a file's name, for messages), as {@link #read(Path, Class)} reads. */
  public static <T> T read(String source, String text, Class<T> type) {
    return bind(source, YamlTree.parse(source, text), type);
  }

  /** The text of a YAML file, for reading it elsewhere ({@link #read(String, String, Class)}). */
  public static String text(Path file) {
    return YamlTree.text(file);
  }

  private static <T> T bind(String file, Object tree, Class<T> type) {
    try {
      return MAPPER.convertValue(tree, type);
    } catch (IllegalArgumentException e) {
      Throwable cause = e.getCause() instanceof JsonMappingException m ? m : e;
      Throwable root = cause.getCause() instanceof BarometerException ? cause.getCause() : cause;
      String where = cause instanceof JsonMappingException m ? " (at " + m.getPathReference() + ")" : "";
      throw ConfigErrors.unboundYaml(file, root.getMessage().lines().findFirst().orElse(""), where, e);
    }
  }
}
