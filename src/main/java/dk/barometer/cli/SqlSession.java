package dk.barometer.cli;

import dk.barometer.query.QueryPrinter;

/** Where {@code sql}'s statements run: a local Spark session ({@link LocalSql}) or a running endpoint. */
interface SqlSession {
  /** The condition of Spark's own faults, which are no fault of the statement. */
  String INTERNAL_ERROR = "INTERNAL_ERROR";

  /** The statement's result, which runs as it is printed (a command may run at once). */
  QueryPrinter.Result sql(String statement);

  /** What the user is told when a statement fails with {@code failure}: the engine's refusal as a SQL error. */
  RuntimeException failure(Exception failure);
}
