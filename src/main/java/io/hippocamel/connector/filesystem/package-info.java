/** The {@code filesystem} source: a local folder, changes detected by size and modification time, then hash. */
package io.hippocamel.connector.filesystem;
