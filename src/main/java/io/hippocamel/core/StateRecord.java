package io.hippocamel.core;

/** A small coordination record (connector cursor, run report, lease), versioned for compare-and-set. */
public record StateRecord(String key, String value, long version) {
}
