package io.hippocamel.connector;

import java.util.Set;

/** A kind of source (google-drive, notion, ...): which settings it takes and how to open a client for them. */
public interface SourceType {

    /** The {@code type} value in connector files and the {@code provider} in the API. */
    String name();

    /** Settings that must be present. */
    Set<String> requiredSettings();

    /** Settings that may be present; any other key is refused. */
    Set<String> optionalSettings();

    /** Checks the settings together (alternatives, formats); throws {@link ConnectorConfigException}. */
    default void validate(ConnectorConfig config) {
    }

    /** A client for one run of this connector. */
    SourceClient open(ConnectorConfig config);
}
