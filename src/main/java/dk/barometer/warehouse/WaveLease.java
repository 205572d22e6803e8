package dk.barometer.warehouse;

import dk.barometer.BarometerException;
import dk.barometer.runtime.StageTiming;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's lease of its wave in one warehouse: while a run holds it, no other run writes that wave. A run takes it
 * before anything else and releases it at its end; a second run of the wave meanwhile stops at once, naming the
 * holder. The holder renews the lease every minute; a lease whose holder has stopped (its process is gone, or the
 * lease expired unrenewed) is taken over. Runs of different waves do not exclude each other.
 */
public final class WaveLease {
  private static final Logger LOG = LoggerFactory.getLogger(WaveLease.class);
  /** How long a lease holds unrenewed: five renewals missed. */
  static final Duration TERM = Duration.ofMinutes(5);
  static final Duration RENEWAL = Duration.ofMinutes(1);
  /** Claims lost to writers of other waves' leases before giving up. */
  private static final int ATTEMPTS = 5;
  /** The run ids holding a lease in this process. */
  private static final Set<String> HELD_HERE = ConcurrentHashMap.newKeySet();

  private final SparkSession spark;
  private final Leases leases;
  private final ScheduledExecutorService renewal;
  private volatile LeaseHolder holder;
  private final Optional<LeaseHolder> takenOver;

  private WaveLease(SparkSession spark, Leases leases, LeaseHolder holder, Optional<LeaseHolder> takenOver,
                    Duration renewalPeriod) {
    this.spark = spark;
    this.leases = leases;
    this.holder = holder;
    this.takenOver = takenOver;
    this.renewal = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "barometer-lease-" + holder.wave());
      t.setDaemon(true);
      return t;
    });
    renewal.scheduleWithFixedDelay(this::renew, renewalPeriod.toMillis(), renewalPeriod.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /**
   * Takes {@code wave}'s lease for run {@code runId}, taking it over from a holder that has stopped; refuses (a
   * {@code BarometerException} of kind WRITE) while another run holds it.
   */
  public static WaveLease take(SparkSession spark, Warehouse warehouse, int wave, String runId, Instant startedAt) {
    return take(spark, warehouse, wave, runId, startedAt, RENEWAL);
  }

  static WaveLease take(SparkSession spark, Warehouse warehouse, int wave, String runId, Instant startedAt,
                        Duration renewalPeriod) {
    Leases leases = new Leases(spark, warehouse);
    leases.create();
    HELD_HERE.add(runId); // before the claim commits: another run of this process must never see it as stopped
    try {
      for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
        Optional<WaveLease> taken = claim(spark, warehouse, leases, wave, runId, startedAt, renewalPeriod);
        if (taken.isPresent()) {
          return taken.get();
        }
        // Another run committed to the leases table first, or released the wave meanwhile: try again.
        pause(attempt);
      }
      throw WarehouseErrors.leaseContended(wave, leases.path(), ATTEMPTS);
    } catch (RuntimeException e) {
      HELD_HERE.remove(runId);
      throw e;
    }
  }

  /**
   * One attempt: claims a wave nobody holds (the common case, one MERGE); else reads the holder, refuses if it may
   * be running, and replaces it if it has stopped. Empty when another writer's commit came first.
   */
  private static Optional<WaveLease> claim(SparkSession spark, Warehouse warehouse, Leases leases, int wave,
                                           String runId, Instant startedAt, Duration renewalPeriod) {
    try {
      LeaseHolder mine = LeaseHolder.here(wave, runId, startedAt, Instant.now(), TERM);
      if (leases.claim(mine, Optional.empty())) {
        return Optional.of(new WaveLease(spark, leases, mine, Optional.empty(), renewalPeriod));
      }
      Optional<LeaseHolder> current = leases.holder(wave);
      if (current.isEmpty()) {
        return Optional.empty();
      }
      LeaseHolder holder = current.get();
      Instant now = Instant.now();
      Optional<String> stopped = holder.stopped(now, HELD_HERE);
      if (stopped.isEmpty()) {
        throw WarehouseErrors.waveLeased(holder, leases.path());
      }
      mine = LeaseHolder.here(wave, runId, startedAt, now, TERM);
      if (!leases.claim(mine, current.map(LeaseHolder::runId))) {
        return Optional.empty();
      }
      LOG.warn("run {} took over the lease of wave {} from run {} (started {}): {}", runId, wave, holder.runId(),
          holder.startedAt(), stopped.get());
      return Optional.of(new WaveLease(spark, leases, mine, current, renewalPeriod));
    } catch (BarometerException e) {
      throw e;
    } catch (Exception e) { // Spark's SparkException (a failed task) is checked in Java but undeclared
      if (!Warehouse.isConcurrentWrite(e)) {
        throw warehouse.failure(Table.LEASES, e);
      }
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "wave " + holder.wave() + " leased to run " + holder.runId() + " until " + holder.expiresAt()
        + takenOver.map(stopped -> ", taken over from run " + stopped.runId()).orElse("");
  }

  /**
   * Stops renewing and releases the lease; returns what happened, for the log. A release that fails leaves the row
   * to be taken over (see {@link LeaseHolder#stopped}), so it is logged, not thrown: the run's own outcome stands.
   */
  public String release() {
    renewal.shutdown();
    try {
      renewal.awaitTermination(1, TimeUnit.MINUTES); // a renewal under way commits first
      for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
        try {
          leases.release(holder);
          return "lease of wave " + holder.wave() + " released";
        } catch (Exception e) { // as in claim
          if (!Warehouse.isConcurrentWrite(e)) {
            LOG.warn("could not release the lease of wave {} in {}: {}", holder.wave(), leases.path(), e.toString());
            return "lease not released";
          }
          pause(attempt);
        }
      }
      return "lease not released: the leases table changed at each attempt";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "lease not released: interrupted";
    } finally {
      HELD_HERE.remove(holder.runId());
    }
  }

  private void renew() {
    // The renewal's Spark jobs are its own, apart from the pipeline stage that was running when the lease was taken.
    spark.sparkContext().setLocalProperty(StageTiming.SPARK_PROPERTY, "renew lease");
    LeaseHolder renewed = holder.renewed(Instant.now(), TERM);
    try {
      if (leases.renew(renewed)) {
        holder = renewed;
      } else {
        LOG.error("run {} lost the lease of wave {}: another run took it over after it went unrenewed until {}",
            holder.runId(), holder.wave(), holder.expiresAt());
        renewal.shutdown();
      }
    } catch (Exception e) { // a conflict, or storage failing for now (as in claim): the next renewal retries
      LOG.warn("could not renew the lease of wave {} (valid until {}): {}", holder.wave(), holder.expiresAt(),
          e.toString());
    }
  }

  /** A short random wait, longer with each attempt, so that claims colliding once do not collide again. */
  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(100, 300) * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while taking a lease", e);
    }
  }
}
