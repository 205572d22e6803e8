package dk.barometer.query;

import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The published zone held in memory at an endpoint, so that an analyst's query of it runs without reading the Delta
 * log, planning the scan of its files or joining the label lists again: the published tables and the labelled views
 * in Spark's cache, which every session of the endpoint uses (a client's session included) when its plan reads them.
 * The zone is small, the aggregates of every wave. Microdata stay on disk.
 *
 * <p>Spark does not see a Delta table change under a cached plan, so a watcher lists each table's log every
 * {@code interval} (one listing, no Spark job) and, where a run has committed since, drops the cached rows of the
 * table and of the views over it and caches them anew: a run's figures reach the endpoint's clients within the
 * interval. A time-travel read ({@code VERSION AS OF}) is another plan and never comes from the cache.
 */
public final class PublishedCache implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PublishedCache.class);
  /**
   * The published tables ({@link QueryCatalog}) and the labelled views over them. v_pact_barometer reads two tables:
   * a commit to either drops its cached rows, so it is cached again with either; it exists only with the pact's
   * figures.
   */
  private static final Map<Table, List<String>> VIEWS_OVER = Map.of(
      Table.INDICATORS, List.of(LabelledViews.INDICATORS, LabelledViews.PACT_BAROMETER),
      Table.TRENDS, List.of(LabelledViews.TRENDS),
      Table.COMPARISONS, List.of(LabelledViews.COMPARISONS),
      Table.WEIGHT_DIAGNOSTICS, List.of(),
      Table.RUNS, List.of(),
      Table.PACT_PARTNERS, List.of(),
      Table.PACT_UPSKILLINGS, List.of(),
      Table.PACT_FIGURES, List.of(LabelledViews.PACT_BAROMETER));

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final Map<Table, Long> cachedVersions = new ConcurrentHashMap<>();
  private final ScheduledExecutorService watcher;

  private PublishedCache(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "barometer published cache");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Caches the published tables that {@code warehouse} holds, and the views over them, in {@code spark}'s shared
   * cache (registered by {@link QueryCatalog}), and watches their logs every {@code interval}.
   */
  public static PublishedCache hold(SparkSession spark, Warehouse warehouse, Duration interval) {
    PublishedCache cache = new PublishedCache(spark, warehouse);
    VIEWS_OVER.keySet().stream().filter(warehouse::exists).forEach(cache::cache);
    cache.watcher.scheduleWithFixedDelay(cache::refreshChanged, interval.toMillis(), interval.toMillis(),
        TimeUnit.MILLISECONDS);
    return cache;
  }

  /** Caches anew every held table that a commit has changed since it was cached; returns how many. */
  public int refreshChanged() {
    int refreshed = 0;
    for (Map.Entry<Table, Long> held : cachedVersions.entrySet()) {
      Table table = held.getKey();
      try {
        if (warehouse.version(table) != held.getValue()) {
          // Drops the table's cached rows and those of every cached view over it, and caches the table again.
          spark.catalog().refreshTable(QueryCatalog.raw(table));
          cache(table);
          refreshed++;
        }
      } catch (RuntimeException e) { // the next round tries again; the cached rows stay meanwhile
        LOG.warn("Could not refresh the cached rows of {} at the endpoint: {}", table.tableName(), e.getMessage());
      }
    }
    return refreshed;
  }

  @Override
  public void close() {
    watcher.shutdownNow();
    for (Table table : cachedVersions.keySet()) {
      spark.catalog().uncacheTable(QueryCatalog.raw(table));
    }
  }

  /** Caches {@code table} and its views now (not at the first query), with the version read before. */
  private void cache(Table table) {
    long version = warehouse.version(table);
    spark.sql("CACHE TABLE " + QueryCatalog.raw(table));
    for (String view : VIEWS_OVER.get(table)) {
      if (spark.catalog().tableExists(view)) {
        spark.sql("CACHE TABLE " + view);
      }
    }
    cachedVersions.put(table, version);
  }
}
