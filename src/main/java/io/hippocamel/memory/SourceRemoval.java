package io.hippocamel.memory;

/**
 * What removing a deleted document from the memories' provenance did.
 *
 * @param forgotten memories only that document supported, now forgotten
 * @param detached  memories that other sources still support, which lost that document as a source
 */
public record SourceRemoval(int forgotten, int detached) {
}
