package dk.barometer.cli;

import dk.barometer.config.BarometerConfig;
import dk.barometer.query.LabelledViews;
import dk.barometer.warehouse.Warehouse;
import org.apache.spark.sql.SparkSession;

/** The warehouse as the query commands see it: its tables by name in the session, the labelled views over them. */
final class QueryableWarehouse {
  private QueryableWarehouse() {}

  static Warehouse open(SparkSession spark, Args args) {
    Warehouse warehouse = new Warehouse(spark, Home.warehouse(args));
    warehouse.register();
    new LabelledViews(BarometerConfig.load(Home.conf(args))).create(spark, warehouse);
    return warehouse;
  }
}
