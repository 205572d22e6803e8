package dk.barometer.warehouse;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One row of the {@code leases} table: the run holding a wave's lease, the process it runs in (host, process id and
 * the time the operating system started that process, which tells a reused id from the holder's), and until when the
 * lease holds unless renewed.
 */
record LeaseHolder(int wave, String runId, Instant startedAt, String host, long pid, Instant processStartedAt,
                   Instant renewedAt, Instant expiresAt) {
  static final StructType SCHEMA = new StructType()
      .add("wave", DataTypes.IntegerType, false)
      .add("run_id", DataTypes.StringType, false)
      .add("started_at", DataTypes.TimestampType, false)
      .add("holder_host", DataTypes.StringType, false)
      .add("holder_pid", DataTypes.LongType, false)
      .add("holder_process_started_at", DataTypes.TimestampType, true)
      .add("renewed_at", DataTypes.TimestampType, false)
      .add("expires_at", DataTypes.TimestampType, false);

  private static final String HOST = localHost();
  private static final ProcessHandle SELF = ProcessHandle.current();

  /** The lease of {@code wave} for {@code runId} in this process, from {@code now} for {@code term}. */
  static LeaseHolder here(int wave, String runId, Instant startedAt, Instant now, Duration term) {
    return new LeaseHolder(wave, runId, startedAt, HOST, SELF.pid(), processStart(SELF), now, now.plus(term));
  }

  static LeaseHolder of(Row row) {
    Timestamp processStarted = row.getAs("holder_process_started_at");
    return new LeaseHolder(row.getAs("wave"), row.getAs("run_id"), row.<Timestamp>getAs("started_at").toInstant(),
        row.getAs("holder_host"), row.getAs("holder_pid"), processStarted == null ? null : processStarted.toInstant(),
        row.<Timestamp>getAs("renewed_at").toInstant(), row.<Timestamp>getAs("expires_at").toInstant());
  }

  Dataset<Row> toRow(SparkSession spark) {
    Row row = RowFactory.create(wave, runId, Timestamp.from(startedAt), host, pid,
        processStartedAt == null ? null : Timestamp.from(processStartedAt), Timestamp.from(renewedAt),
        Timestamp.from(expiresAt));
    return spark.createDataFrame(List.of(row), SCHEMA);
  }

  LeaseHolder renewed(Instant now, Duration term) {
    return new LeaseHolder(wave, runId, startedAt, host, pid, processStartedAt, now, now.plus(term));
  }

  /**
   * Why the holder is known to have stopped, or empty while it may still be running. Only a lease on this host
   * can be checked against its process; a lease elsewhere ends when it expires unrenewed. In this process, the
   * holder runs while {@code heldHere} has its run id: the row of a run that ended here without releasing it (the
   * release failed) does not lock the wave for the process's lifetime.
   */
  Optional<String> stopped(Instant now, Set<String> heldHere) {
    if (!expiresAt.isAfter(now)) {
      return Optional.of("its lease expired at " + expiresAt + ", unrenewed since " + renewedAt);
    }
    if (!host.equals(HOST)) {
      return Optional.empty();
    }
    if (pid == SELF.pid() && sameStart(SELF)) {
      return heldHere.contains(runId) ? Optional.empty()
          : Optional.of("it ended in this process (" + pid + ") without releasing its lease");
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      return Optional.of("its process " + pid + " on " + host + " no longer runs");
    }
    if (!sameStart(process.get())) {
      return Optional.of("process " + pid + " on " + host + " is another process than the one started at "
          + processStartedAt);
    }
    return Optional.empty();
  }

  /** Whether {@code process} is the holder's: started when the holder's was, where both are known. */
  private boolean sameStart(ProcessHandle process) {
    Instant start = processStart(process);
    return processStartedAt == null || start == null || start.equals(processStartedAt);
  }

  /** The process's start as the operating system reports it, to the millisecond (as a Delta timestamp keeps it). */
  private static Instant processStart(ProcessHandle process) {
    return process.info().startInstant().map(start -> start.truncatedTo(ChronoUnit.MILLIS)).orElse(null);
  }

  private static String localHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) { // no name resolution: the name the kernel was given
      return e.getMessage() == null ? "localhost" : e.getMessage().split(":")[0];
    }
  }
}
