package dk.barometer.validate;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/** A row-level rule: when {@code condition} holds, the row is rejected for {@code reason} on {@code column}. */
record Fault(String column, Column condition, Column value, Column reason) {

  /** The fault as a nullable struct (column, value, reason): null where the row passes. */
  Column asStruct() {
    return when(condition, struct(lit(column).as("column"), value.as("value"), reason.as("reason")));
  }
}
