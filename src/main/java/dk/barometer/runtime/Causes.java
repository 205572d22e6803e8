package dk.barometer.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reading a failure's cause chain. Spark wraps the failure that matters in layers of its own (a task's, a job's),
 * so the outermost exception's type and message often say only that a job or a task failed.
 */
public final class Causes {
  private Causes() {}

  /** The innermost exception of {@code type} in the cause chain of {@code failure}, {@code failure} included. */
  public static <T extends Throwable> Optional<T> innermost(Throwable failure, Class<T> type) {
    List<Throwable> chain = chain(failure);
    for (int i = chain.size() - 1; i >= 0; i--) {
      if (type.isInstance(chain.get(i))) {
        return Optional.of(type.cast(chain.get(i)));
      }
    }
    return Optional.empty();
  }

  /** The first line of {@code failure}'s message (Spark's go on with context), its class name when it has none. */
  public static String firstLine(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getSimpleName()
        : message.lines().findFirst().orElse("");
  }

  /** {@code failure} and its causes, outermost first; a cause seen before ends the chain (a cycle). */
  private static List<Throwable> chain(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }
}
