package dk.barometer.cli;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.StringJoiner;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * A cell of an Arrow batch from the endpoint as text, the same text as a local session's row value prints
 * ({@code query.DatasetResult}): a null as the empty string, a timestamp as {@link Timestamp} prints in this JVM's
 * time zone, a date as ISO, arrays as [a, b], maps as {k: v}, structs as {a, b}.
 */
final class ArrowCells {
  private ArrowCells() {}

  static String text(ValueVector vector, int index) {
    if (vector.isNull(index)) {
      return "";
    }
    if (vector instanceof MapVector map) { // before ListVector: a map is a list of key-value structs
      StructVector entries = (StructVector) map.getDataVector();
      StringJoiner text = new StringJoiner(", ", "{", "}");
      for (int i = map.getElementStartIndex(index); i < map.getElementEndIndex(index); i++) {
        text.add(text(entries.getChildByOrdinal(0), i) + ": " + text(entries.getChildByOrdinal(1), i));
      }
      return text.toString();
    }
    if (vector instanceof ListVector list) {
      StringJoiner text = new StringJoiner(", ", "[", "]");
      for (int i = list.getElementStartIndex(index); i < list.getElementEndIndex(index); i++) {
        text.add(text(list.getDataVector(), i));
      }
      return text.toString();
    }
    if (vector instanceof StructVector struct) {
      StringJoiner text = new StringJoiner(", ", "{", "}");
      for (int c = 0; c < struct.size(); c++) {
        text.add(text(struct.getChildByOrdinal(c), index));
      }
      return text.toString();
    }
    if (vector instanceof TimeStampMicroTZVector timestamp) {
      long micros = timestamp.get(index);
      return Timestamp.from(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
          Math.floorMod(micros, 1_000_000L) * 1_000L)).toString();
    }
    if (vector instanceof DateDayVector date) {
      return LocalDate.ofEpochDay(date.get(index)).toString();
    }
    return String.valueOf(vector.getObject(index));
  }
}
