package dk.barometer.cli;

import dk.barometer.config.AccessPolicy;
import dk.barometer.config.BarometerConfig;
import dk.barometer.config.Role;
import dk.barometer.query.ConnectEndpoint;
import dk.barometer.query.PublishedCache;
import dk.barometer.query.RoleTokens;
import dk.barometer.runtime.SparkSessions;
import dk.barometer.warehouse.Warehouse;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/** {@code serve}: the warehouse's tables over Spark Connect, to the roles whose token is set, until stopped. */
final class ServeCommand implements Command {
  /** How soon a run's new figures reach the endpoint's clients: each published table's log is listed this often. */
  private static final Duration CACHE_WATCH = Duration.ofSeconds(5);

  @Override
  public String help() {
    return CommandHelp.SERVE;
  }

  @Override
  public Set<String> options() {
    return Set.of("host", "port", "warehouse", "conf");
  }

  @Override
  public void run(Args args, PrintStream out) {
    String host = args.option("host").orElse("127.0.0.1");
    int port = args.intOption("port", 15002);
    AccessPolicy policy = AccessPolicy.load(Home.conf(args));
    RoleTokens tokens = RoleTokens.read(policy); // before Spark starts: a missing token fails in a second
    SparkSession spark = SparkSessions.builder("barometer serve", Home.sparkSettings(args)).getOrCreate();
    Warehouse warehouse = QueryableWarehouse.open(spark, args);
    PublishedCache.hold(spark, warehouse, CACHE_WATCH);
    ConnectEndpoint endpoint = ConnectEndpoint.start(spark, warehouse, BarometerConfig.load(Home.conf(args)), host,
        port, tokens, policy);
    out.printf("Serving the tables of %s at %s (Spark Connect) to %s. Stop with Ctrl-C.%n", warehouse.root(),
        endpoint.url(), tokens.roles().stream().map(Role::id).collect(Collectors.joining(", ")));
    out.flush();
    try {
      Thread.currentThread().join(); // the endpoint's threads serve; Ctrl-C ends the JVM and Spark with it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
