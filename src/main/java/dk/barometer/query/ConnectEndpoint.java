package dk.barometer.query;

import dk.barometer.config.AccessPolicy;
import dk.barometer.config.BarometerConfig;
import dk.barometer.config.Role;
import dk.barometer.warehouse.Warehouse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connect.service.SparkConnectService;
import org.apache.spark.sql.connect.service.SparkConnectService$;
import scala.Option;

/**
 * A Spark Connect endpoint ({@code sc://host:port}) in front of a running session, open to the roles whose token is
 * set ({@link RoleAuthentication}). Every client gets a session of its own on the same SparkContext: its temporary
 * views and settings are its own, but the catalog is shared, so it sees the tables and views that
 * {@link Warehouse#register()} created, and the Delta extension and catalog.
 */
public final class ConnectEndpoint implements AutoCloseable {
  /** The warehouse root an endpoint serves, readable by every client session ({@code spark.conf.get}). */
  public static final String WAREHOUSE_SETTING = "spark.barometer.warehouse";

  private final String host;
  private final int port;
  private final Option<org.apache.spark.sql.classic.SparkSession> previousDefault;

  private ConnectEndpoint(String host, int port, Option<org.apache.spark.sql.classic.SparkSession> previousDefault) {
    this.host = host;
    this.port = port;
    this.previousDefault = previousDefault;
  }

  /**
   * Starts serving {@code spark}'s catalog on {@code host:port}, to the holders of {@code tokens}, each request
   * held to what its role may send under {@code policy}, with ad-hoc estimates on {@code warehouse} by
   * {@code config} ({@link EstimateRelations}); one endpoint per JVM. A port in use is an error, not the next port.
   */
  public static ConnectEndpoint start(SparkSession spark, Warehouse warehouse, BarometerConfig config, String host,
                                      int port, RoleTokens tokens, AccessPolicy policy) {
    RoleAuthentication.admit(new RoleAuthentication.Access(tokens, new ConnectRequestPolicy(policy.settable())));
    SessionRoles.resolveWith(new ConnectSessionRoles());
    EstimateRelations.serve(new AdHocEstimates(config, warehouse));
    // The service reads its address and interceptors from SparkEnv's conf when it starts, not from the session's
    // settings; the sessions it creates read the warehouse setting from there too.
    SparkEnv.get().conf().set("spark.connect.grpc.binding.address", host)
        .set("spark.connect.grpc.binding.port", String.valueOf(port))
        .set("spark.connect.grpc.port.maxRetries", "0")
        .set("spark.connect.grpc.interceptor.classes", RoleAuthentication.class.getName())
        .set("spark.connect.extensions.relation.classes", EstimateRelations.class.getName())
        .set(WAREHOUSE_SETTING, warehouse.root());
    // Spark Connect makes each client's session from the default session: a guarded one, so that every client
    // session is guarded too (its role resolved from its user id, bound to its token).
    Option<org.apache.spark.sql.classic.SparkSession> previousDefault =
        org.apache.spark.sql.classic.SparkSession$.MODULE$.getDefaultSession();
    SparkSession guarded = QuerySessions.open(spark, policy, Role.ANALYST);
    SparkSession.setDefaultSession(guarded);
    SparkSession.setActiveSession(guarded);
    try {
      SparkConnectService.start(spark.sparkContext());
    } catch (Exception e) { // Scala's exceptions are checked for javac but undeclared
      restore(previousDefault);
      if (e instanceof java.net.BindException) {
        throw QueryErrors.portInUse(host, port, e);
      }
      throw e;
    }
    return new ConnectEndpoint(host, SparkConnectService$.MODULE$.localPort(), previousDefault);
  }

  /**
   * The address clients connect to. A loopback endpoint is named {@code localhost}: the Spark Connect clients send
   * a token over a plain (not TLS) connection only to a host of that name.
   */
  public String url() {
    return "sc://" + (isLoopback(host) ? "localhost" : host) + ":" + port;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    SparkConnectService.stop(Option.empty(), Option.empty());
    restore(previousDefault);
  }

  /** Makes {@code previousDefault} the default and active session again, as before the endpoint started. */
  private static void restore(Option<org.apache.spark.sql.classic.SparkSession> previousDefault) {
    if (previousDefault.isDefined()) {
      SparkSession.setDefaultSession(previousDefault.get());
      SparkSession.setActiveSession(previousDefault.get());
    } else {
      SparkSession.clearDefaultSession();
      SparkSession.clearActiveSession();
    }
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
