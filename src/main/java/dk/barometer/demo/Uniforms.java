package dk.barometer.demo;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Column;

/**
 * Pseudo-random uniforms on [0, 1) as a pure function of (seed, unit id, salt): unlike {@code rand()} they do not
 * depend on how rows are partitioned, so the same seed always generates the same rows. Each draw of the model has
 * its own salt, which keeps the draws independent.
 */
final class Uniforms {
  /** The unit id column every draw hashes: the row number of the synthetic population. */
  static final String ID = "id";
  private static final int MANTISSA_BITS = 53;

  private final long seed;

  Uniforms(long seed) {
    this.seed = seed;
  }

  long seed() {
    return seed;
  }

  Column draw(String salt) {
    // The top 53 bits of the 64-bit hash fill a double's mantissa exactly.
    return shiftrightunsigned(xxhash64(lit(seed), col(ID), lit(salt)), Long.SIZE - MANTISSA_BITS)
        .cast("double").multiply(lit(Math.scalb(1.0, -MANTISSA_BITS)));
  }
}
