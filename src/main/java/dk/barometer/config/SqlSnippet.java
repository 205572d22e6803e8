package dk.barometer.config;

/**
 * A Spark SQL condition (a domain's or a domain group's {@code where}, an indicator's {@code base_where},
 * {@code numerator} or {@code base}, a question's {@code asked_if}) and where it is written: the file of {@code conf/}
 * or the command, and the key path within it as a user searches for it
 * ({@code domains.maturity.groups[value: observer].where}) or the command's option ({@code --where}).
 */
public record SqlSnippet(String source, String key, String text) {}
