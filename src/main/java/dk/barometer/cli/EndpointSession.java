package dk.barometer.cli;

import dk.barometer.BarometerException;
import dk.barometer.config.Role;
import dk.barometer.query.EstimateMessage;
import dk.barometer.query.QueryErrors;
import dk.barometer.query.QueryPrinter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.spark.connect.proto.Command;
import org.apache.spark.connect.proto.ConfigRequest;
import org.apache.spark.connect.proto.ConfigResponse;
import org.apache.spark.connect.proto.DataType;
import org.apache.spark.connect.proto.ExecutePlanRequest;
import org.apache.spark.connect.proto.ExecutePlanResponse;
import org.apache.spark.connect.proto.Expression;
import org.apache.spark.connect.proto.Limit;
import org.apache.spark.connect.proto.Plan;
import org.apache.spark.connect.proto.Project;
import org.apache.spark.connect.proto.Relation;
import org.apache.spark.connect.proto.ReleaseSessionRequest;
import org.apache.spark.connect.proto.SQL;
import org.apache.spark.connect.proto.SparkConnectServiceGrpc;
import org.apache.spark.connect.proto.SqlCommand;
import org.apache.spark.connect.proto.UserContext;
import org.sparkproject.connect.google_protos.rpc.ErrorInfo;
import org.sparkproject.connect.grpc.Context;
import org.sparkproject.connect.grpc.ManagedChannel;
import org.sparkproject.connect.grpc.Metadata;
import org.sparkproject.connect.grpc.Status;
import org.sparkproject.connect.grpc.StatusRuntimeException;
import org.sparkproject.connect.grpc.netty.NettyChannelBuilder;
import org.sparkproject.connect.grpc.protobuf.StatusProto;
import org.sparkproject.connect.grpc.stub.MetadataUtils;
import org.sparkproject.connect.protobuf.Any;
import org.sparkproject.connect.protobuf.InvalidProtocolBufferException;

/**
 * A session of a running endpoint, spoken to in the Spark Connect protocol itself rather than through Spark's
 * client API: the API's session costs seconds of Scala start-up, more than a query. A statement goes as a SQL
 * relation, analysed once, and its rows come back as Arrow batches until the limit, when the call is cancelled; they
 * print as a local session's do ({@link ArrowCells}). JSON lines are made by the server ({@code to_json}) over the
 * relation of the statement's result, which a SQL command answers first (a command runs then, once), as locally.
 */
final class EndpointSession implements SqlSession, AutoCloseable {
  private static final Pattern ENDPOINT = Pattern.compile("^sc://([^:/;]+):([0-9]+)/?(;.*)?$");
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("Authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final String CLIENT_TYPE = "barometer sql";
  private static final String ANALYSIS_ERROR = "org.apache.spark.sql.AnalysisException";
  private static final String SESSION_CLOSED = "INVALID_HANDLE.SESSION_CLOSED";

  private final String endpoint;
  private final ManagedChannel channel;
  private final EventLoopGroup loop;
  private final SparkConnectServiceGrpc.SparkConnectServiceBlockingStub service;
  private final String sessionId;
  private final boolean shared;
  private final UserContext user;
  private final BufferAllocator allocator = new RootAllocator();

  private EndpointSession(String endpoint, ManagedChannel channel, EventLoopGroup loop, Role role, String token,
                          Optional<String> shared) {
    this.endpoint = endpoint;
    this.channel = channel;
    this.loop = loop;
    this.sessionId = shared.orElseGet(() -> UUID.randomUUID().toString());
    this.shared = shared.isPresent();
    Metadata headers = new Metadata();
    headers.put(AUTHORIZATION, "Bearer " + token);
    this.service = SparkConnectServiceGrpc.newBlockingStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    this.user = UserContext.newBuilder().setUserId(role.id()).setUserName(role.id()).build();
  }

  /**
   * A session at {@code endpoint} ({@code sc://HOST:PORT}, with {@code ;use_ssl=true} for TLS) as {@code role}: the
   * session of id {@code shared}, which outlives this call ({@link SharedSessionIds}), or without it one of its own,
   * released at the end. Nothing is sent until the first request.
   */
  static EndpointSession open(String endpoint, Role role, String token, Optional<String> shared) {
    Matcher parts = ENDPOINT.matcher(endpoint);
    if (!parts.matches()) {
      throw CommandErrors.badEndpoint(endpoint);
    }
    // A loop of the session's own, ended with it: the JVM's exit waits up to 0.3 s for threads still in native
    // code, such as the selector of gRPC's shared loop, which outlives a channel by a second.
    EventLoopGroup loop = new NioEventLoopGroup(1, runnable -> {
      Thread thread = new Thread(runnable, "barometer endpoint client");
      thread.setDaemon(true);
      return thread;
    });
    NettyChannelBuilder builder = NettyChannelBuilder.forAddress(parts.group(1), Integer.parseInt(parts.group(2)))
        .eventLoopGroup(loop).channelType(NioSocketChannel.class).maxInboundMessageSize(128 * 1024 * 1024);
    boolean tls = parts.group(3) != null && parts.group(3).contains(";use_ssl=true");
    return new EndpointSession(endpoint, (tls ? builder.useTransportSecurity() : builder.usePlaintext()).build(),
        loop, role, token, shared);
  }

  /** A setting of the endpoint's session; its first request, so that a refused token shows here. */
  String setting(String key) {
    ConfigRequest request = ConfigRequest.newBuilder().setSessionId(sessionId).setUserContext(user)
        .setClientType(CLIENT_TYPE)
        .setOperation(ConfigRequest.Operation.newBuilder().setGet(ConfigRequest.Get.newBuilder().addKeys(key)))
        .build();
    ConfigResponse response = service.config(request);
    return response.getPairs(0).getValue();
  }

  @Override
  public QueryPrinter.Result sql(String statement) {
    return result(Relation.newBuilder().setSql(SQL.newBuilder().setQuery(statement)).build(),
        () -> resultOf(statement));
  }

  /**
   * The rows of an estimate request, which the endpoint estimates with the role of this session's token
   * ({@code query.EstimateRelations}); each print sends it once.
   */
  QueryPrinter.Result estimate(EstimateMessage request) {
    Relation estimate = Relation.newBuilder().setExtension(request.toAny()).build();
    return result(estimate, () -> estimate);
  }

  /**
   * The rows of {@code query}; JSON lines are made by the server over {@code jsonBase}, the relation whose rows they
   * are (for a statement, that of its result: a command runs once).
   */
  QueryPrinter.Result result(Relation query, Supplier<Relation> jsonBase) {
    return new QueryPrinter.Result() {
      @Override
      public void cells(int limit, QueryPrinter.Rows rows) {
        execute(query, limit, new BatchReader() {
          private boolean named;

          @Override
          void columns(List<String> names) {
            if (!named) {
              rows.columns(names);
              named = true;
            }
          }

          @Override
          void row(List<FieldVector> vectors, int index) {
            List<String> cells = new ArrayList<>(vectors.size());
            for (FieldVector vector : vectors) {
              cells.add(ArrowCells.text(vector, index));
            }
            rows.row(cells);
          }
        });
      }

      @Override
      public void jsonLines(int limit, Consumer<String> line) {
        Expression star = Expression.newBuilder().setUnresolvedStar(Expression.UnresolvedStar.newBuilder()).build();
        Relation json = Relation.newBuilder().setProject(Project.newBuilder().setInput(capped(jsonBase.get(),
            limit)).addExpressions(function("to_json", function("struct", star)))).build();
        execute(json, limit, new BatchReader() {
          @Override
          void row(List<FieldVector> vectors, int index) {
            line.accept(ArrowCells.text(vectors.get(0), index));
          }
        });
      }
    };
  }

  /**
   * The server's refusal of an estimate as the failure it was there ({@link EstimateMessage#refusalKind}), its
   * analysis error (a refusal among them) or error with a condition of Spark's (a division by zero) as a SQL error,
   * as a local session reports it ({@link LocalSql}); other failures as they are.
   */
  @Override
  public RuntimeException failure(Exception failure) {
    if (failure instanceof StatusRuntimeException status) {
      String message = status.getStatus().getDescription();
      Map<String, String> error = errorInfo(status);
      String condition = error.getOrDefault("errorClass", "");
      Optional<BarometerException.Kind> refusal = EstimateMessage.refusalKind(condition);
      if (refusal.isPresent()) {
        return CommandErrors.refusedAtEndpoint(refusal.get(), message);
      }
      boolean analysis = error.getOrDefault("classes", "").contains("\"" + ANALYSIS_ERROR + "\"");
      if (analysis || !condition.isEmpty() && !condition.startsWith(INTERNAL_ERROR)) {
        return QueryErrors.sqlError(message, status);
      }
      return new IllegalStateException("The endpoint at " + endpoint + " failed the statement: "
          + status.getStatus().getCode() + ": " + message, status);
    }
    return failure instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(failure);
  }

  /** Whether {@code failure} is the endpoint refusing this session's token or role. */
  static boolean refused(StatusRuntimeException failure) {
    Status.Code code = failure.getStatus().getCode();
    return code == Status.Code.UNAUTHENTICATED || code == Status.Code.PERMISSION_DENIED;
  }

  /** Whether {@code failure} is the endpoint refusing a session id that it has closed (idle too long, released). */
  static boolean closedSession(StatusRuntimeException failure) {
    return errorInfo(failure).getOrDefault("errorClass", "").equals(SESSION_CLOSED);
  }

  @Override
  public void close() {
    try {
      if (!shared) {
        service.releaseSession(ReleaseSessionRequest.newBuilder().setSessionId(sessionId).setUserContext(user)
            .setClientType(CLIENT_TYPE).build());
      }
    } catch (StatusRuntimeException e) { // the session ends with the endpoint anyway
    } finally {
      channel.shutdownNow();
      try {
        channel.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(1, TimeUnit.SECONDS);
      allocator.close();
    }
  }

  private static Relation capped(Relation relation, int limit) {
    return limit == Integer.MAX_VALUE ? relation
        : Relation.newBuilder().setLimit(Limit.newBuilder().setInput(relation).setLimit(limit)).build();
  }

  private static Expression function(String name, Expression argument) {
    return Expression.newBuilder().setUnresolvedFunction(Expression.UnresolvedFunction.newBuilder()
        .setFunctionName(name).addArguments(argument)).build();
  }

  /** Sends {@code statement} as a SQL command: the relation of its result. */
  private Relation resultOf(String statement) {
    Command command = Command.newBuilder().setSqlCommand(SqlCommand.newBuilder()
        .setInput(Relation.newBuilder().setSql(SQL.newBuilder().setQuery(statement)))).build();
    Iterator<ExecutePlanResponse> responses = service.executePlan(request(Plan.newBuilder().setCommand(command)));
    Relation result = null;
    while (responses.hasNext()) {
      ExecutePlanResponse response = responses.next();
      if (response.hasSqlCommandResult()) {
        result = response.getSqlCommandResult().getRelation();
      }
    }
    if (result == null) {
      throw CommandErrors.noResult(endpoint, statement);
    }
    return result;
  }

  private ExecutePlanRequest request(Plan.Builder plan) {
    return ExecutePlanRequest.newBuilder().setSessionId(sessionId).setUserContext(user).setClientType(CLIENT_TYPE)
        .setPlan(plan).build();
  }

  /**
   * Runs {@code relation} and passes at most {@code limit} of its rows to {@code reader}, batch by batch; the call
   * is cancelled once they are read, so that the endpoint stops computing the rest.
   */
  private void execute(Relation relation, int limit, BatchReader reader) {
    Context.CancellableContext call = Context.current().withCancellation();
    Context previous = call.attach();
    try {
      Iterator<ExecutePlanResponse> responses = service.executePlan(request(Plan.newBuilder().setRoot(relation)));
      List<String> schemaNames = List.of();
      int left = limit;
      while (left > 0 && responses.hasNext()) {
        ExecutePlanResponse response = responses.next();
        if (response.hasArrowBatch()) {
          left = read(response.getArrowBatch().getData().toByteArray(), left, reader);
        } else if (response.hasSchema() && response.getSchema().hasStruct()) {
          schemaNames = response.getSchema().getStruct().getFieldsList().stream()
              .map(DataType.StructField::getName).toList();
        }
      }
      reader.columns(schemaNames); // a result without rows may come without a batch
    } finally {
      call.detach(previous);
      call.cancel(null);
    }
  }

  /** Reads at most {@code left} rows of an Arrow batch into {@code reader}; how many more may be read after it. */
  private int read(byte[] batch, int left, BatchReader reader) {
    try (ArrowStreamReader stream = new ArrowStreamReader(new ByteArrayInputStream(batch), allocator)) {
      VectorSchemaRoot root = stream.getVectorSchemaRoot();
      reader.columns(root.getSchema().getFields().stream().map(Field::getName).toList());
      while (left > 0 && stream.loadNextBatch()) {
        List<FieldVector> vectors = root.getFieldVectors();
        for (int i = 0; i < Math.min(left, root.getRowCount()); i++) {
          reader.row(vectors, i);
        }
        left -= Math.min(left, root.getRowCount());
      }
      return left;
    } catch (IOException e) {
      throw CommandErrors.unreadableResult(endpoint, e);
    }
  }

  /** What the server says of its exception in the details of a failed call: its condition, classes, state. */
  private static Map<String, String> errorInfo(StatusRuntimeException failure) {
    org.sparkproject.connect.google_protos.rpc.Status status = StatusProto.fromThrowable(failure);
    for (Any detail : status == null ? List.<Any>of() : status.getDetailsList()) {
      if (detail.is(ErrorInfo.class)) {
        try {
          return detail.unpack(ErrorInfo.class).getMetadataMap();
        } catch (InvalidProtocolBufferException e) {
          return Map.of();
        }
      }
    }
    return Map.of();
  }

  /** Where the rows of a result go; the column names may come more than once (once per batch). */
  private abstract static class BatchReader {
    void columns(List<String> names) {}

    abstract void row(List<FieldVector> vectors, int index);
  }
}
