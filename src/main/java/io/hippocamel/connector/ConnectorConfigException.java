package io.hippocamel.connector;

import java.nio.file.Path;

/** A connector file that cannot be used; the message names the file and the key, never a secret's value. */
public class ConnectorConfigException extends IllegalStateException {

    public ConnectorConfigException(Path file, String key, String problem) {
        super("Connector file " + file + (key == null ? "" : ", key '" + key + "'") + ": " + problem);
    }
}
