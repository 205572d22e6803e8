package dk.barometer.cli;

import dk.barometer.config.AccessPolicy;
import dk.barometer.config.BarometerConfig;
import dk.barometer.config.Role;
import dk.barometer.query.QueryCatalog;
import dk.barometer.query.QuerySessions;
import dk.barometer.warehouse.Warehouse;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.spark.sql.SparkSession;

/**
 * The warehouse as the query commands see it: its zones registered in the catalog by the command's own session, and
 * a guarded session of the user's role (--role, analyst unless given) over it for what the user types.
 */
final class QueryableWarehouse {
  static final String ROLE = "role";

  private QueryableWarehouse() {}

  /** Registers the warehouse's zones in {@code spark}'s catalog, which every session of its SparkContext shares. */
  static Warehouse open(SparkSession spark, Args args) {
    Warehouse warehouse = new Warehouse(spark, Home.warehouse(args));
    new QueryCatalog(BarometerConfig.load(Home.conf(args))).register(spark, warehouse);
    return warehouse;
  }

  /**
   * Registers in {@code spark}'s catalog the relations of the zones that {@code named} names and what they read
   * ({@link QueryCatalog#register(SparkSession, Warehouse, Set)}); the rest when the returned supplier is first
   * called, which answers whether it registered anything.
   */
  static BooleanSupplier openNamed(SparkSession spark, Args args, Set<String> named) {
    Warehouse warehouse = new Warehouse(spark, Home.warehouse(args));
    QueryCatalog catalog = new QueryCatalog(BarometerConfig.load(Home.conf(args)));
    catalog.register(spark, warehouse, named);
    AtomicBoolean complete = new AtomicBoolean();
    return () -> {
      if (complete.getAndSet(true)) {
        return false;
      }
      catalog.register(spark, warehouse);
      return true;
    };
  }

  /** A session over {@code base}'s catalog that runs only what {@code role} may (conf/access.yaml). */
  static SparkSession session(SparkSession base, Args args, Role role) {
    return QuerySessions.open(base, AccessPolicy.load(Home.conf(args)), role);
  }

  /** The role of --role; analyst, who reads the published zone only, when it is not given. */
  static Role role(Args args, String command) {
    String id = args.option(ROLE).orElse(Role.ANALYST.id());
    return Arrays.stream(Role.values()).filter(r -> r.id().equals(id)).findFirst()
        .orElseThrow(() -> CommandErrors.unknownRole(command, id));
  }
}
