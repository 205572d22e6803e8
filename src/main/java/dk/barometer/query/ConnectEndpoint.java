package dk.barometer.query;

import dk.barometer.warehouse.Warehouse;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connect.service.SparkConnectService;
import scala.Option;

/**
 * A Spark Connect endpoint ({@code sc://host:port}) in front of a running session. Every client gets a session of
 * its own on the same SparkContext: its temporary views and settings are its own, but the catalog is shared, so it
 * sees the tables and views that {@link Warehouse#register()} created, and the Delta extension and catalog.
 */
public final class ConnectEndpoint implements AutoCloseable {
  private final String host;
  private final int port;

  private ConnectEndpoint(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /** Starts serving {@code spark}'s catalog on {@code host:port}; one endpoint per JVM. */
  public static ConnectEndpoint start(SparkSession spark, String host, int port) {
    // The service reads its address from SparkEnv's conf when it starts, not from the session's settings.
    SparkEnv.get().conf().set("spark.connect.grpc.binding.address", host)
        .set("spark.connect.grpc.binding.port", String.valueOf(port));
    SparkConnectService.start(spark.sparkContext());
    return new ConnectEndpoint(host, port);
  }

  public String url() {
    return "sc://" + host + ":" + port;
  }

  @Override
  public void close() {
    SparkConnectService.stop(Option.empty(), Option.empty());
  }
}
