package dk.barometer.config;

import java.nio.file.Path;

/**
 * A Spark SQL condition of {@code conf/} (a domain's or a domain group's {@code where}, an indicator's
 * {@code base_where}, a question's {@code asked_if}) and where it is: the file, and the key path within it as a user
 * searches for it ({@code domains.maturity.groups[value: observer].where}).
 */
record SqlSnippet(Path file, String key, String text) {}
