package dk.barometer.cli;

import dk.barometer.query.ConnectEndpoint;
import dk.barometer.runtime.SparkSessions;
import dk.barometer.warehouse.Warehouse;
import java.io.PrintStream;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/** {@code serve}: the warehouse's tables over Spark Connect, until stopped. */
final class ServeCommand implements Command {
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
    SparkSession spark = SparkSessions.builder("barometer serve", Home.sparkSettings(args)).getOrCreate();
    Warehouse warehouse = QueryableWarehouse.open(spark, args);
    ConnectEndpoint endpoint = ConnectEndpoint.start(spark, host, port);
    out.printf("Serving the tables of %s at %s (Spark Connect). Stop with Ctrl-C.%n", warehouse.root(),
        endpoint.url());
    out.flush();
    try {
      Thread.currentThread().join(); // the endpoint's threads serve; Ctrl-C ends the JVM and Spark with it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
