package dk.barometer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.BarometerException;
import dk.barometer.config.Role;
import dk.barometer.query.EstimateMessage;
import dk.barometer.query.QueryPrinter;
import dk.barometer.testing.ServingEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.spark.connect.proto.Expression;
import org.apache.spark.connect.proto.Project;
import org.apache.spark.connect.proto.Range;
import org.apache.spark.connect.proto.Relation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sparkproject.connect.grpc.Status;
import org.sparkproject.connect.grpc.StatusRuntimeException;
import org.sparkproject.connect.protobuf.Any;
import org.sparkproject.connect.protobuf.ByteString;
import org.sparkproject.connect.protobuf.StringValue;

/**
 * The estimate request at the endpoint, sent by the light client's session ({@link EndpointSession}) as any client
 * could send it: it reaches the endpoint's estimate for every role and comes back refused with the kind and message
 * of a local run; what is not our estimate request (a foreign extension, ours where a relation is not, a malformed
 * or role-claiming payload, a user id that is not the token's role) is refused. The endpoint's warehouse holds no
 * responses (the estimates themselves are {@code EstimateThroughEndpointIT}'s), and its table is unchanged.
 */
class EstimateRequestAtEndpointTest {
  private static final EstimateMessage USES_AI = new EstimateMessage(2025, "employer", "ai_maturity IN (2, 3)", null,
      null, null, null, null);

  @BeforeAll
  static void serve() {
    ServingEndpoint.serve();
  }

  @AfterAll
  static void dataUnchanged() {
    ServingEndpoint.releaseUnchanged();
  }

  @Test
  void everyRoleReachesTheEstimateAndARefusalKeepsItsKindAndMessage() {
    for (Role role : Role.values()) {
      assertThatThrownBy(() -> print(role, USES_AI)).as(role.id()).isInstanceOf(BarometerException.class)
          .hasMessageStartingWith("estimate: the warehouse " + ServingEndpoint.warehouse().root()
              + " holds no employer responses of wave 2025")
          .extracting(e -> ((BarometerException) e).exitCode()).isEqualTo(2);
    }
    EstimateMessage typo = new EstimateMessage(2025, "employer", "ai_maturty IN (2, 3)", null, null, null, null, null);
    assertThatThrownBy(() -> print(Role.ANALYST, typo)).isInstanceOf(BarometerException.class)
        .hasMessageContaining("--share").hasMessageContaining("Did you mean ai_maturity")
        .extracting(e -> ((BarometerException) e).exitCode()).isEqualTo(3);
  }

  @Test
  void aForeignExtensionIsRefusedBelowEngineer() {
    Any foreign = Any.pack(StringValue.of("SELECT * FROM raw.weights"));
    Relation relation = Relation.newBuilder().setExtension(foreign).build();

    for (Role role : new Role[] {Role.ANALYST, Role.RESEARCHER}) {
      assertThatThrownBy(() -> rows(role, relation)).as(role.id()).isInstanceOf(StatusRuntimeException.class)
          .hasMessageContaining("PERMISSION_DENIED").hasMessageContaining("Any runs code on the server");
    }
  }

  @Test
  void ourRequestIsAcceptedAsARelationOnly() {
    Relation inExpression = Relation.newBuilder().setProject(Project.newBuilder()
        .setInput(Relation.newBuilder().setRange(Range.newBuilder().setEnd(1).setStep(1)))
        .addExpressions(Expression.newBuilder().setExtension(USES_AI.toAny()))).build();

    assertThatThrownBy(() -> rows(Role.ANALYST, inExpression)).isInstanceOf(StatusRuntimeException.class)
        .hasMessageContaining("PERMISSION_DENIED");
  }

  @Test
  void aMalformedRequestOrOneClaimingARoleIsRefused() {
    for (String payload : new String[] {"not json", "{\"survey\": \"employer\", \"share\": \"ai_maturity = 2\"}",
        "{\"wave\": 2025, \"survey\": \"employer\", \"share\": \"ai_maturity = 2\", \"role\": \"engineer\"}"}) {
      Any request = Any.newBuilder().setTypeUrl(EstimateMessage.TYPE_URL).setValue(ByteString.copyFromUtf8(payload))
          .build();
      assertThatThrownBy(() -> rows(Role.ANALYST, Relation.newBuilder().setExtension(request).build()))
          .as(payload).isInstanceOf(BarometerException.class)
          .hasMessageContaining("the endpoint refused a request of type " + EstimateMessage.TYPE_URL)
          .extracting(e -> ((BarometerException) e).exitCode()).isEqualTo(2);
    }
  }

  @Test
  void theTokenDecidesTheRoleNotTheUserIdTheClientClaims() {
    try (EndpointSession claimed = EndpointSession.open(ServingEndpoint.endpoint().url(), Role.ENGINEER,
        ServingEndpoint.token(Role.ANALYST), Optional.empty())) {
      assertThatThrownBy(() -> new QueryPrinter(new PrintStream(new ByteArrayOutputStream()))
          .print(claimed.estimate(USES_AI), QueryPrinter.Format.CSV, Integer.MAX_VALUE))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(e.getStatus().getDescription()).contains("The token is role analyst's");
          });
    }
  }

  /** The estimate as jobs/barometer estimate prints it through the endpoint, or its failure as the command has it. */
  private static String print(Role role, EstimateMessage request) {
    try (EndpointSession session = session(role)) {
      return printed(session, session.estimate(request));
    }
  }

  private static String rows(Role role, Relation relation) {
    try (EndpointSession session = session(role)) {
      return printed(session, session.result(relation, () -> relation));
    }
  }

  private static String printed(EndpointSession session, QueryPrinter.Result result) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new QueryPrinter(new PrintStream(out, true, StandardCharsets.UTF_8)).print(result, QueryPrinter.Format.CSV,
          Integer.MAX_VALUE);
    } catch (StatusRuntimeException e) {
      RuntimeException failure = session.failure(e);
      throw failure instanceof BarometerException ? failure : e;
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static EndpointSession session(Role role) {
    return EndpointSession.open(ServingEndpoint.endpoint().url(), role, ServingEndpoint.token(role), Optional.empty());
  }
}
