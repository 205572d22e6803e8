package dk.barometer.testing;

import dk.barometer.config.AccessPolicy;
import dk.barometer.config.BarometerConfig;
import dk.barometer.config.Role;
import dk.barometer.query.QueryCatalog;
import dk.barometer.query.QuerySessions;
import dk.barometer.warehouse.Warehouse;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The zones of a warehouse in the catalog of the shared test session, as the query commands register them, and
 * guarded sessions over them. The catalog is shared by every test class: a class registers after dropping what
 * another may have left, and drops its own when done.
 */
public final class QueryZones {
  private QueryZones() {}

  /** Registers {@code warehouse}'s zones, alone in the catalog; returns the relations registered. */
  public static List<String> register(Warehouse warehouse) {
    drop();
    return new QueryCatalog(BarometerConfig.load(TestSpark.confDir())).register(TestSpark.spark(), warehouse);
  }

  /** Drops every relation of the zones (never a table's files: the tables are registered by location). */
  public static void drop() {
    SparkSession spark = TestSpark.spark();
    for (String database : List.of(QueryCatalog.MICRODATA, QueryCatalog.RAW, "default")) {
      if (!spark.catalog().databaseExists(database)) {
        continue;
      }
      // Temporary views belong to their session; SHOW TABLES lists views too.
      List<String> views = names(spark.sql("SHOW VIEWS IN " + database).where("NOT isTemporary"));
      for (String name : names(spark.sql("SHOW TABLES IN " + database).where("NOT isTemporary"))) {
        spark.sql((views.contains(name) ? "DROP VIEW " : "DROP TABLE ") + database + ".`" + name + "`");
      }
    }
  }

  private static List<String> names(Dataset<Row> listing) {
    return listing.collectAsList().stream().map(r -> r.getString(1)).toList();
  }

  /** A guarded session over the test catalog, with the policy of conf/access.yaml. */
  public static SparkSession session(Role role) {
    return QuerySessions.open(TestSpark.spark(), AccessPolicy.load(TestSpark.confDir()), role);
  }
}
