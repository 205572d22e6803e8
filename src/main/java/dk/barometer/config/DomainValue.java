package dk.barometer.config;

/** A value of a domain of the indicator catalogue with its labels: a code, a group, or 'all' for the total. */
public record DomainValue(String domain, String value, Label label) {}
