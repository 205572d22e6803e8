package dk.barometer.cli;

import dk.barometer.config.AccessPolicy;
import dk.barometer.config.BarometerConfig;
import dk.barometer.config.Role;
import dk.barometer.query.QueryCatalog;
import dk.barometer.query.QuerySessions;
import dk.barometer.runtime.ExpressionEvaluation;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
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
    return open(spark, args, BarometerConfig.load(Home.conf(args)));
  }

  /** As {@link #open(SparkSession, Args)}, with conf/ already loaded. */
  static Warehouse open(SparkSession spark, Args args, BarometerConfig config) {
    Warehouse warehouse = new Warehouse(spark, Home.warehouse(args));
    new QueryCatalog(config).register(spark, warehouse);
    return warehouse;
  }

  /**
   * Registers in {@code spark}'s catalog the relations of the zones that {@code named} names and what they read
   * ({@link QueryCatalog#register(SparkSession, Warehouse, Set)}); the rest when {@link Named#registerRest()} is
   * first called.
   */
  static Named openNamed(SparkSession spark, Args args, BarometerConfig config, Set<String> named) {
    Warehouse warehouse = new Warehouse(spark, Home.warehouse(args));
    QueryCatalog catalog = new QueryCatalog(config);
    List<String> registered = catalog.register(spark, warehouse, named);
    List<Table> tables = Arrays.stream(Table.values()).filter(t -> registered.contains(QueryCatalog.raw(t))).toList();
    return new Named(spark, config, warehouse, catalog, tables);
  }

  /** The relations that statements name, registered: the Delta tables they read, and the rest on demand. */
  static final class Named {
    private final SparkSession spark;
    private final BarometerConfig config;
    private final Warehouse warehouse;
    private final QueryCatalog catalog;
    private final List<Table> tables;
    private final AtomicBoolean complete = new AtomicBoolean();

    private Named(SparkSession spark, BarometerConfig config, Warehouse warehouse, QueryCatalog catalog,
                  List<Table> tables) {
      this.spark = spark;
      this.config = config;
      this.warehouse = warehouse;
      this.catalog = catalog;
      this.tables = tables;
    }

    /** How the statements' expressions are evaluated: by the size of the tables they read (conf/barometer.yaml). */
    ExpressionEvaluation evaluation(SparkSession session) {
      return ExpressionEvaluation.forQuery(session, config.settings().execution(), sizeInBytes());
    }

    /** The bytes of the tables read, in all; unknown when one table's is. */
    private OptionalLong sizeInBytes() {
      long bytes = 0;
      for (Table table : tables) {
        OptionalLong size = warehouse.sizeInBytes(table);
        if (size.isEmpty()) {
          return size;
        }
        bytes += size.getAsLong();
      }
      return OptionalLong.of(bytes);
    }

    /** Registers the relations of every zone not yet registered, once; whether it registered anything. */
    boolean registerRest() {
      if (complete.getAndSet(true)) {
        return false;
      }
      catalog.register(spark, warehouse);
      return true;
    }
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
