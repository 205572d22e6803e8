package dk.barometer.warehouse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaMergeBuilder;
import io.delta.tables.DeltaTable;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code leases} table, one row per wave being run. Every change is a Delta MERGE or DELETE, which reads the
 * table and commits only if no other writer committed to it meanwhile (Delta's optimistic concurrency): of two runs
 * claiming a wave at once, one commits and the other fails with a {@code DeltaConcurrentModificationException}.
 */
final class Leases {
  private final SparkSession spark;
  private final Warehouse warehouse;

  Leases(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  String path() {
    return warehouse.path(Table.LEASES);
  }

  /**
   * Creates the empty table unless it exists. Two runs creating it at once both write its version 0, and one of
   * them fails with a concurrent modification: the table exists either way, which is all a caller needs.
   */
  void create() {
    if (warehouse.exists(Table.LEASES)) {
      return;
    }
    try {
      spark.createDataFrame(List.<Row>of(), LeaseHolder.SCHEMA).write().format("delta").mode("append").save(path());
    } catch (Exception e) { // Spark's checked exceptions too
      if (!Warehouse.isConcurrentWrite(e) || !warehouse.exists(Table.LEASES)) {
        throw warehouse.failure(Table.LEASES, e);
      }
    }
  }

  /** The holder of {@code wave}'s lease, if any. */
  Optional<LeaseHolder> holder(int wave) {
    List<Row> rows = warehouse.read(Table.LEASES).where(col("wave").equalTo(wave)).collectAsList();
    return rows.stream().findFirst().map(LeaseHolder::of);
  }

  /**
   * Writes {@code next} as its wave's holder if the wave has none, or if its holder is run {@code replacing}; returns
   * whether it wrote. A concurrent writer's commit fails this one (see {@link Warehouse#isConcurrentWrite}).
   */
  boolean claim(LeaseHolder next, Optional<String> replacing) {
    DeltaMergeBuilder merge = merge(next);
    if (replacing.isPresent()) {
      merge = merge.whenMatched(col("t.run_id").equalTo(lit(replacing.get()))).updateAll();
    }
    return affected(merge.whenNotMatched().insertAll());
  }

  /** Writes {@code renewed} over its own row; false when the row is no longer its run's (taken over). */
  boolean renew(LeaseHolder renewed) {
    return affected(merge(renewed).whenMatched(col("t.run_id").equalTo(lit(renewed.runId()))).updateAll());
  }

  void release(LeaseHolder holder) {
    DeltaTable.forPath(spark, path())
        .delete(col("wave").equalTo(holder.wave()).and(col("run_id").equalTo(holder.runId())));
  }

  private DeltaMergeBuilder merge(LeaseHolder row) {
    return DeltaTable.forPath(spark, path()).as("t").merge(row.toRow(spark).as("s"), "t.wave = s.wave");
  }

  private static boolean affected(DeltaMergeBuilder merge) {
    return merge.execute().first().<Long>getAs("num_affected_rows") > 0;
  }
}
