package dk.barometer.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dk.barometer.BarometerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a YAML file of {@code conf/} into a record; unknown keys are errors, so a typo never passes silently. */
public final class Yaml {
  private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private Yaml() {}

  public static <T> T read(Path file, Class<T> type) {
    if (!Files.isRegularFile(file)) {
      throw new BarometerException(BarometerException.Kind.CONFIG,
          String.format("Configuration file %s does not exist. Check --conf (or BAROMETER_CONF).", file));
    }
    try {
      return MAPPER.readValue(file.toFile(), type);
    } catch (JsonMappingException e) {
      Throwable cause = e.getCause() instanceof BarometerException ? e.getCause() : e;
      throw new BarometerException(BarometerException.Kind.CONFIG,
          String.format("%s: %s (at %s)", file, cause.getMessage().lines().findFirst().orElse(""),
              e.getPathReference()), e);
    } catch (IOException e) {
      throw new BarometerException(BarometerException.Kind.CONFIG,
          String.format("%s: cannot read YAML: %s", file, e.getMessage()), e);
    }
  }
}
