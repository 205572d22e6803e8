package dk.barometer.warehouse;

import dk.barometer.BarometerException;
import dk.barometer.runtime.Causes;
import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.delta.DeltaConcurrentModificationException;

/** Every failure of the warehouse's tables, one factory method each: the message names the table and its path. */
final class WarehouseErrors {
  private WarehouseErrors() {}

  static BarometerException tableMissing(String table, String path) {
    return new BarometerException(BarometerException.Kind.USAGE, String.format("There is no table %s at %s yet: "
        + "run a wave first (jobs/barometer run --wave YEAR --input DIR).", table, path));
  }

  static BarometerException logUnlistable(String table, Path log, IOException cause) {
    return new BarometerException(BarometerException.Kind.WRITE, String.format("Cannot list the Delta log %s of "
        + "table %s: %s. Check that the warehouse is reachable and readable by this user.", log, table,
        Causes.firstLine(cause)), cause);
  }

  static BarometerException logWithoutCommit(String table, Path log) {
    return new BarometerException(BarometerException.Kind.WRITE, String.format("The Delta log %s of table %s holds "
        + "no commit, so the directory holds no table (a first write that never committed, or a copy in part). "
        + "Restore the directory from a backup, or remove it and run the waves again.", log, table));
  }

  /** The file system refused the write: {@code fault} is its error, found in the cause chain of {@code failure}. */
  static BarometerException writeFailed(String table, String path, IOException fault, Exception failure) {
    return new BarometerException(BarometerException.Kind.WRITE, String.format("Writing Delta table %s at %s failed: "
        + "%s. Check that the warehouse is writable; the table keeps its previous version.", table, path,
        Causes.firstLine(fault)), failure);
  }

  /** Another writer committed to the table between this write's start and its commit. */
  static BarometerException concurrentWrite(String table, String path, DeltaConcurrentModificationException conflict,
                                            Exception failure) {
    return new BarometerException(BarometerException.Kind.WRITE, String.format("Writing Delta table %s at %s failed: "
        + "another writer committed to it meanwhile (%s). Runs of one warehouse must not overlap: let the other run "
        + "end, then run this one again; this write was not committed.", table, path, Causes.firstLine(conflict)),
        failure);
  }

  /**
   * The rows to write failed, not the warehouse: a task computing them stopped (an arithmetic or cast error, a
   * failed broadcast, ...) or they do not fit the table. Not a fault the user can fix, so not a BarometerException:
   * the job ends as an unexpected error (exit 1) with the whole cause chain.
   */
  static IllegalStateException rowsFailed(String table, String path, Exception failure) {
    Throwable root = Causes.innermost(failure, Throwable.class).orElse(failure);
    return new IllegalStateException(String.format("Computing the rows for Delta table %s at %s failed: %s. The "
        + "warehouse is not at fault and the table keeps its previous version; this is a fault in the job (or in "
        + "input its validation let through): report it with the log of the run.", table, path,
        Causes.firstLine(root)), failure);
  }

  /** Another run, still running, holds the wave's lease. */
  static BarometerException waveLeased(LeaseHolder holder, String path) {
    return new BarometerException(BarometerException.Kind.WRITE, String.format("Wave %d is being run by run %s, "
        + "started %s on %s (process %d), which holds its lease until %s and renews it every minute. One run writes "
        + "a wave at a time, so this run stopped before reading or writing the wave: wait for that run to end, then "
        + "run this one again. If that run is dead (killed, machine gone), the next run takes its lease over (on the "
        + "same host at once, from another host once the lease has expired); the lease is the wave's row in %s.",
        holder.wave(), holder.runId(), holder.startedAt(), holder.host(), holder.pid(), holder.expiresAt(), path));
  }

  /** Claims of the lease kept colliding with other runs' changes to the leases table. */
  static BarometerException leaseContended(int wave, String path, int attempts) {
    return new BarometerException(BarometerException.Kind.WRITE, String.format("Could not take the lease of wave %d "
        + "in %s: another run changed the leases table during each of %d attempts (runs of other waves start or "
        + "end). This run wrote nothing; run it again.", wave, path, attempts));
  }
}
