package dk.barometer.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dk.barometer.BarometerException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.sparkproject.connect.protobuf.Any;
import org.sparkproject.connect.protobuf.ByteString;

/**
 * An {@code estimate} request as the command line gives it, and as it travels to an endpoint: a relation extension
 * of Spark Connect, a {@code google.protobuf.Any} of type URL {@link #TYPE_URL} whose value is this record as JSON
 * in UTF-8 ({@code wave}, {@code survey}, {@code share}, {@code base}, {@code by}, {@code where}, or
 * {@code definition} with the definition file's YAML text and {@code definition_source} its name for messages).
 * It carries what was asked and nothing about who asks: the endpoint estimates with the role of the session's token.
 * Unknown keys are refused, a {@code role} among them. A refusal of the endpoint comes back as an error whose
 * condition is {@link #REFUSAL_PREFIX} and the kind of the failure ({@code BAROMETER_USAGE}), so that the client
 * exits as a local run would.
 *
 * <p>Free of Spark's own classes: the light client of jobs/barometer loads it without Spark on its class path.
 */
public record EstimateMessage(Integer wave, String survey, String share, String base, String by, String where,
                              String definition, String definitionSource) {
  public static final String TYPE_URL = "type.barometer.dk/dk.barometer.EstimateRequest";
  public static final String REFUSAL_PREFIX = "BAROMETER_";
  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Whether {@code any} claims to be an estimate request (its value may still be malformed). */
  public static boolean isEstimate(Any any) {
    return TYPE_URL.equals(any.getTypeUrl());
  }

  /** The request packed in {@code any}; a malformed one, or one without a wave, is refused (exit 2). */
  public static EstimateMessage of(Any any) {
    if (!isEstimate(any)) {
      throw QueryErrors.malformedEstimate(any.getTypeUrl(), "its type URL is not " + TYPE_URL);
    }
    EstimateMessage message;
    try {
      message = JSON.readValue(any.getValue().toString(StandardCharsets.UTF_8), EstimateMessage.class);
    } catch (JsonProcessingException e) {
      throw QueryErrors.malformedEstimate(any.getTypeUrl(), e.getOriginalMessage());
    }
    if (message == null || message.wave() == null) {
      throw QueryErrors.malformedEstimate(any.getTypeUrl(), "it names no wave");
    }
    return message;
  }

  public Any toAny() {
    try {
      return Any.newBuilder().setTypeUrl(TYPE_URL).setValue(ByteString.copyFromUtf8(JSON.writeValueAsString(this)))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An estimate request of strings and a number always writes as JSON", e);
    }
  }

  /** The error condition that carries a refusal of {@code kind} to the client. */
  public static String refusalCondition(BarometerException.Kind kind) {
    return REFUSAL_PREFIX + kind.name();
  }

  /** The kind of failure a refusal's condition carries; empty for any other condition. */
  public static Optional<BarometerException.Kind> refusalKind(String condition) {
    return condition == null || !condition.startsWith(REFUSAL_PREFIX) ? Optional.empty()
        : Arrays.stream(BarometerException.Kind.values())
            .filter(k -> k.name().equals(condition.substring(REFUSAL_PREFIX.length()))).findFirst();
  }
}
