package dk.barometer.config;

/**
 * A breakdown of the population: by the categories of {@code variable} (null: the whole population), optionally
 * restricted by {@code where}, a Spark SQL condition (for example firms with 50+ employees).
 */
public record DomainDefinition(String variable, String where) {
  public boolean isTotal() {
    return variable == null;
  }
}
