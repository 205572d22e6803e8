package dk.barometer.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.BarometerException;
import dk.barometer.testing.TestSpark;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** A wave's lease: taken, refused while its holder runs, released, taken over once its holder has stopped. */
class WaveLeaseTest {
  private static final int WAVE = 2025;

  private final SparkSession spark = TestSpark.spark();
  private final Warehouse warehouse = new Warehouse(spark, TestSpark.tempDir("leases").toString());
  private final Leases leases = new Leases(spark, warehouse);

  private WaveLease take(String runId) {
    return WaveLease.take(spark, warehouse, WAVE, runId, Instant.now());
  }

  private void assertRefused(String runId, LeaseHolder holder) {
    assertThatThrownBy(() -> take(runId)).isInstanceOf(BarometerException.class)
        .satisfies(e -> assertThat(((BarometerException) e).kind()).isEqualTo(BarometerException.Kind.WRITE))
        .hasMessageContaining("Wave " + WAVE + " is being run by run " + holder.runId() + ", started "
            + holder.startedAt())
        .hasMessageContaining("wait for that run to end")
        .hasMessageContaining("takes its lease over");
    assertThat(leases.holder(WAVE).map(LeaseHolder::runId)).contains(holder.runId());
  }

  /** A lease row as another run left it: on {@code host}, in process {@code pid} started at {@code started}. */
  private LeaseHolder leftBy(String host, long pid, Instant started, Instant expires) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    LeaseHolder holder = new LeaseHolder(WAVE, "other-run", now.minusSeconds(600), host, pid, started,
        now.minusSeconds(30), expires);
    leases.create();
    holder.toRow(spark).write().format("delta").mode("append").save(leases.path());
    return holder;
  }

  private LeaseHolder leftHere(long pid, Instant started) {
    return leftBy(LeaseHolder.here(WAVE, "x", Instant.now(), Instant.now(), WaveLease.TERM).host(), pid, started,
        Instant.now().plus(WaveLease.TERM));
  }

  private void assertTakenOver(LeaseHolder stopped) {
    WaveLease lease = take("next-run");
    assertThat(lease.toString()).contains("taken over from run " + stopped.runId());
    assertThat(leases.holder(WAVE).map(LeaseHolder::runId)).contains("next-run");
    lease.release();
  }

  @Test
  void aSecondRunIsRefusedWhileTheFirstHoldsTheLeaseAndTakesItOnceReleased() {
    WaveLease first = take("first-run");
    LeaseHolder holder = leases.holder(WAVE).orElseThrow();
    assertThat(holder.pid()).isEqualTo(ProcessHandle.current().pid());
    assertThat(holder.expiresAt()).isEqualTo(holder.renewedAt().plus(WaveLease.TERM));

    assertRefused("second-run", holder);
    // Another wave is another lease.
    WaveLease otherWave = WaveLease.take(spark, warehouse, WAVE + 1, "other-wave-run", Instant.now());

    assertThat(first.release()).contains("released");
    assertThat(leases.holder(WAVE)).isEmpty();
    assertThat(leases.holder(WAVE + 1).map(LeaseHolder::runId)).contains("other-wave-run");
    WaveLease second = take("second-run");
    assertThat(second.toString()).doesNotContain("taken over");
    second.release();
    otherWave.release();
  }

  @Test
  void aLeaseWhoseProcessHasEndedIsTakenOverAtOnce() throws Exception {
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    assertTakenOver(leftHere(ended.pid(), null));
  }

  @Test
  void aLeaseOfALiveProcessIsRefusedAndOfAReusedProcessIdTakenOver() throws Exception {
    Process alive = new ProcessBuilder("sleep", "120").start();
    try {
      Instant start = alive.info().startInstant().orElseThrow().truncatedTo(ChronoUnit.MILLIS);
      LeaseHolder holder = leftHere(alive.pid(), start);
      assertRefused("next-run", holder);

      // The same process id, but not the process that took the lease: its id was reused.
      leases.release(holder);
      assertTakenOver(leftHere(alive.pid(), start.minusSeconds(3600)));
    } finally {
      alive.destroyForcibly();
    }
  }

  @Test
  void aLeaseLeftInThisProcessByARunThatEndedIsTakenOver() {
    ProcessHandle self = ProcessHandle.current();
    assertTakenOver(leftHere(self.pid(), self.info().startInstant().orElseThrow().truncatedTo(ChronoUnit.MILLIS)));
  }

  @Test
  void aLeaseOnAnotherHostHoldsUntilItExpires() {
    LeaseHolder valid = leftBy("another-host", 1, null, Instant.now().plusSeconds(60));
    assertRefused("next-run", valid);

    leases.release(valid);
    assertTakenOver(leftBy("another-host", 1, null, Instant.now().minusSeconds(1)));
  }

  @Test
  void theHolderRenewsItsLeaseWhileItRuns() throws Exception {
    WaveLease lease = WaveLease.take(spark, warehouse, WAVE, "renewing-run", Instant.now(), Duration.ofSeconds(1));
    Instant taken = leases.holder(WAVE).orElseThrow().renewedAt();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (leases.holder(WAVE).orElseThrow().renewedAt().equals(taken) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    LeaseHolder renewed = leases.holder(WAVE).orElseThrow();
    assertThat(renewed.renewedAt()).isAfter(taken);
    assertThat(renewed.expiresAt()).isEqualTo(renewed.renewedAt().plus(WaveLease.TERM));
    lease.release();
    assertThat(leases.holder(WAVE)).isEmpty();
  }

  /**
   * Two runs taking the lease of a wave at the same moment, on a warehouse without a leases table: both create the
   * table and both claim; exactly one holds the lease, and the other is refused naming it.
   */
  @Test
  void ofTwoRunsTakingTheLeaseAtOnceExactlyOneHoldsIt() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CyclicBarrier start = new CyclicBarrier(2);
      List<Future<WaveLease>> takes = new ArrayList<>();
      for (String runId : List.of("run-a", "run-b")) {
        takes.add(pool.submit(() -> {
          start.await();
          return take(runId);
        }));
      }
      List<WaveLease> held = new ArrayList<>();
      List<String> refusals = new ArrayList<>();
      for (Future<WaveLease> take : takes) {
        try {
          held.add(take.get());
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(BarometerException.class);
          refusals.add(e.getCause().getMessage());
        }
      }
      assertThat(held).hasSize(1);
      Optional<LeaseHolder> holder = leases.holder(WAVE);
      assertThat(holder).isPresent();
      assertThat(refusals).singleElement().asString().contains("is being run by run " + holder.get().runId());
      held.forEach(WaveLease::release);
    } finally {
      pool.shutdownNow();
    }
  }
}
