package dk.barometer.config;

import java.util.Arrays;
import java.util.Locale;

/**
 * Who is asking, from least to most trusted. Every role below {@link #ENGINEER} is read-only: the engine refuses
 * its writes, DDL and maintenance; what each role may read is its zones in {@code conf/access.yaml}.
 */
public enum Role {
  /** Published aggregates only. */
  ANALYST,
  /** Published aggregates and pseudonymised microdata. */
  RESEARCHER,
  /** Everything, and the maintenance the job itself needs. */
  ENGINEER;

  /** The role's name in {@code conf/access.yaml}, on the command line and as a Spark Connect user id. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean mayWrite() {
    return this == ENGINEER;
  }

  /** The role named {@code id}; a configuration error naming the roles there are otherwise. */
  public static Role of(String id) {
    return Arrays.stream(values()).filter(role -> role.id().equals(id)).findFirst()
        .orElseThrow(() -> ConfigErrors.unknownRole(id));
  }
}
