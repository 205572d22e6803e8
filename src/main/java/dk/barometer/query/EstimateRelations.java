package dk.barometer.query;

import dk.barometer.BarometerException;
import dk.barometer.config.Role;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.connect.planner.SparkConnectPlanner;
import org.apache.spark.sql.connect.plugin.RelationPlugin;
import org.sparkproject.connect.protobuf.Any;
import org.sparkproject.connect.protobuf.InvalidProtocolBufferException;

/**
 * {@code estimate} at the endpoint: a Spark Connect relation plugin for the one extension of ours, the estimate
 * request ({@link EstimateMessage}). It answers as a local {@code estimate} does ({@link AdHocEstimates}), with the
 * role of the session that sent it, which the endpoint bound to its token ({@link SessionRoles}): the conditions are
 * analysed in that session, under its guard, and the estimate shows what that role may see. Its relation is the
 * aggregate rows, as literal rows; a refusal reaches the client as an error that names the kind of failure
 * ({@link EstimateMessage#refusalCondition}) with the local message. Other extensions are not its own.
 */
public final class EstimateRelations implements RelationPlugin {
  private static final AtomicReference<AdHocEstimates> ESTIMATES = new AtomicReference<>();

  /** Spark creates relation plugins by class name ({@code spark.connect.extensions.relation.classes}). */
  public EstimateRelations() {}

  /** What the endpoint estimates on: set by {@link ConnectEndpoint} before it serves. */
  static void serve(AdHocEstimates estimates) {
    ESTIMATES.set(estimates);
  }

  @Override
  public Optional<LogicalPlan> transform(byte[] relation, SparkConnectPlanner planner) {
    Any extension;
    try {
      extension = Any.parseFrom(relation);
    } catch (InvalidProtocolBufferException e) {
      return Optional.empty();
    }
    if (!EstimateMessage.isEstimate(extension)) {
      return Optional.empty();
    }
    SparkSession client = planner.session();
    Role role = SessionRoles.of(client);
    AdHocEstimates estimates = ESTIMATES.get();
    try {
      Dataset<Row> rows = estimates.rows(EstimateMessage.of(extension), client, role);
      return Optional.of(((org.apache.spark.sql.classic.Dataset<?>) rows).logicalPlan());
    } catch (BarometerException e) {
      throw new Refusal(e);
    }
  }

  /** A refusal as Spark Connect passes it on: its condition says the kind, its message is the local one. */
  static final class Refusal extends RuntimeException implements SparkThrowable {
    private final String condition;

    // Without the cause: the client gets the message, not the server's stack of exceptions.
    Refusal(BarometerException refused) {
      super(refused.getMessage());
      this.condition = EstimateMessage.refusalCondition(refused.kind());
    }

    @Override
    public String getCondition() {
      return condition;
    }

    /** None: the condition is ours, not one of Spark's error classes, which the default looks it up in. */
    @Override
    public String getSqlState() {
      return null;
    }

    @Override
    public boolean isInternalError() {
      return false;
    }
  }
}
