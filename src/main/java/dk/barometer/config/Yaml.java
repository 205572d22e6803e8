package dk.barometer.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dk.barometer.BarometerException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a YAML file of {@code conf/} into a record; unknown keys are errors, so a typo never passes silently.
 * SnakeYAML parses the file first, so anchors and aliases ({@code &list} / {@code *list}) work for lists and maps
 * too (Jackson's own YAML parser resolves them for scalars only); Jackson then binds the tree to the record.
 */
public final class Yaml {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private Yaml() {}

  /**
   * YAML 1.1 would read codes such as {@code no}, {@code on} or {@code y} as booleans and dates as timestamps;
   * only true / false are booleans here (as in YAML 1.2), so a category code is never silently changed.
   */
  private static final class CodeSafeResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
      addImplicitResolver(Tag.INT, INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
      addImplicitResolver(Tag.MERGE, MERGE, "<");
      addImplicitResolver(Tag.NULL, NULL, "~nN\0");
      addImplicitResolver(Tag.NULL, EMPTY, null);
    }
  }

  public static <T> T read(Path file, Class<T> type) {
    if (!Files.isRegularFile(file)) {
      throw ConfigErrors.missingFile(file);
    }
    Object tree;
    try (Reader reader = Files.newBufferedReader(file)) {
      LoaderOptions options = new LoaderOptions();
      tree = new org.yaml.snakeyaml.Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
          new DumperOptions(), options, new CodeSafeResolver()).load(reader);
    } catch (IOException | YAMLException e) {
      throw ConfigErrors.unreadableYaml(file, e);
    }
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
