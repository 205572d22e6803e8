package dk.barometer.query;

import dk.barometer.config.Role;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.sparkproject.connect.grpc.ForwardingServerCallListener;
import org.sparkproject.connect.grpc.Metadata;
import org.sparkproject.connect.grpc.ServerCall;
import org.sparkproject.connect.grpc.ServerCallHandler;
import org.sparkproject.connect.grpc.ServerInterceptor;
import org.sparkproject.connect.grpc.Status;
import org.sparkproject.connect.protobuf.Descriptors.FieldDescriptor;
import org.sparkproject.connect.protobuf.Message;

/**
 * The endpoint's gRPC gate: a call needs {@code Authorization: Bearer <token>} of a role ({@link RoleTokens}), else
 * UNAUTHENTICATED; each of its requests must name that role as its {@code user_context.user_id}, and must be one the
 * role may send ({@link ConnectRequestPolicy}), else PERMISSION_DENIED. Spark Connect keys sessions by user id, so a
 * session's user id is its role ({@link ConnectSessionRoles}) and a token cannot reach another role's sessions.
 */
public final class RoleAuthentication implements ServerInterceptor {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("Authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final String BEARER = "Bearer ";

  /** What the gate admits: set by {@link ConnectEndpoint} before the service creates the gate by its class name. */
  record Access(RoleTokens tokens, ConnectRequestPolicy policy) {}

  private static final AtomicReference<Access> ACCESS = new AtomicReference<>();

  private final Access access;

  /** Spark instantiates interceptors by class name ({@code spark.connect.grpc.interceptor.classes}). */
  public RoleAuthentication() {
    this.access = ACCESS.get();
    if (access == null) {
      throw new IllegalStateException("RoleAuthentication is created by ConnectEndpoint.start, which sets its tokens");
    }
  }

  static void admit(Access access) {
    ACCESS.set(access);
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                     ServerCallHandler<Q, R> next) {
    String header = headers.get(AUTHORIZATION);
    Optional<Role> role = header != null && header.startsWith(BEARER)
        ? access.tokens().roleOf(header.substring(BEARER.length())) : Optional.empty();
    if (role.isEmpty()) {
      call.close(Status.UNAUTHENTICATED.withDescription(header == null
          ? "No token: connect with sc://HOST:PORT/;token=...;user_id=ROLE (docs/querying.md)"
          : "The token is not one of this endpoint's roles"), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    Optional<String> refused = access.policy().refuseCall(role.get(), call.getMethodDescriptor().getBareMethodName());
    if (refused.isPresent()) {
      call.close(Status.PERMISSION_DENIED.withDescription(refused.get()), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return new RoleBoundListener<>(next.startCall(call, headers), call, role.get());
  }

  /** Passes on each request of the call whose user id is the role's and which the role may send; ends it otherwise. */
  private final class RoleBoundListener<Q, R> extends ForwardingServerCallListener.SimpleForwardingServerCallListener<Q> {
    private final ServerCall<Q, R> call;
    private final Role role;
    private boolean closed;

    RoleBoundListener(ServerCall.Listener<Q> delegate, ServerCall<Q, R> call, Role role) {
      super(delegate);
      this.call = call;
      this.role = role;
    }

    @Override
    public void onMessage(Q request) {
      if (closed) {
        return;
      }
      Optional<String> refused = request instanceof Message message ? refusal(message)
          : Optional.of("not a Spark Connect request");
      if (refused.isPresent()) {
        closed = true;
        call.close(Status.PERMISSION_DENIED.withDescription(refused.get()), new Metadata());
        return;
      }
      super.onMessage(request);
    }

    @Override
    public void onHalfClose() {
      if (!closed) {
        super.onHalfClose();
      }
    }

    @Override
    public void onReady() {
      if (!closed) {
        super.onReady();
      }
    }

    private Optional<String> refusal(Message request) {
      String userId = userId(request);
      if (!role.id().equals(userId)) {
        return Optional.of("The token is role " + role.id() + "'s, and the request's user id is '" + userId
            + "': connect with user_id=" + role.id());
      }
      return access.policy().refuse(role, request);
    }
  }

  /** The request's {@code user_context.user_id}; empty when it has none. */
  private static String userId(Message request) {
    FieldDescriptor context = request.getDescriptorForType().findFieldByName("user_context");
    if (context == null || context.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
      return "";
    }
    Message user = (Message) request.getField(context);
    FieldDescriptor id = user.getDescriptorForType().findFieldByName("user_id");
    return id == null ? "" : String.valueOf(user.getField(id));
  }
}
