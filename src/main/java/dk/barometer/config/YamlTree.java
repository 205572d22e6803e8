package dk.barometer.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A YAML file of {@code conf/} as SnakeYAML's tree of maps, lists and scalars, before any binding: what
 * {@link dk.barometer.config.Yaml} binds to records, and what a caller reads when one value is all it needs.
 */
final class YamlTree {
  private YamlTree() {}

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

  static Object parse(Path file) {
    return parse(file.toString(), text(file));
  }

  /** {@code text}, the YAML of {@code source} (a file's name, for messages). */
  static Object parse(String source, String text) {
    try {
      LoaderOptions options = new LoaderOptions();
      return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
          options, new CodeSafeResolver()).load(text);
    } catch (YAMLException e) {
      throw ConfigErrors.unreadableYaml(source, e);
    }
  }

  static String text(Path file) {
    if (!Files.isRegularFile(file)) {
      throw ConfigErrors.missingFile(file);
    }
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw ConfigErrors.unreadableYaml(file.toString(), e);
    }
  }
}
