package dk.barometer.demo;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.List;
import org.apache.spark.sql.Column;

/**
 * Pseudo-random uniforms on [0, 1) as a pure function of (seed, unit id, salt): unlike {@code rand()} they do not
 * depend on how rows are partitioned, so the same seed always generates the same rows. Each draw of the model has
 * its own salt, which keeps the draws independent. A replicated instance also hashes a replicate column, so one
 * population row gives independent draws in each replicate (repeated samples for a simulation).
 */
final class Uniforms {
  /** The unit id column every draw hashes: the row number of the synthetic population. */
  static final String ID = "id";
  private static final int MANTISSA_BITS = 53;

  private final long seed;
  private final String replicate;

  Uniforms(long seed) {
    this(seed, null);
  }

  private Uniforms(long seed, String replicate) {
    this.seed = seed;
    this.replicate = replicate;
  }

  /** Draws that also depend on the value of the column {@code replicate}. */
  Uniforms replicated(String replicate) {
    return new Uniforms(seed, replicate);
  }

  /** The replicate column, if any: draws per stratum are per stratum and replicate. */
  List<Column> replicateColumns() {
    return replicate == null ? List.of() : List.of(col(replicate));
  }

  long seed() {
    return seed;
  }

  Column draw(String salt) {
    // The top 53 bits of the 64-bit hash fill a double's mantissa exactly.
    Column hash = replicate == null ? xxhash64(lit(seed), col(ID), lit(salt))
        : xxhash64(lit(seed), col(ID), lit(salt), col(replicate));
    return shiftrightunsigned(hash, Long.SIZE - MANTISSA_BITS)
        .cast("double").multiply(lit(Math.scalb(1.0, -MANTISSA_BITS)));
  }
}
