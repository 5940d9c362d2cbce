/**
 * The Elasticsearch {@link io.hippocamel.store.MemoryStore}: one shared pool for several Hippocamel servers. A document
 * and its chunks are one Elasticsearch document (chunks nested), so every write of a document is atomic; writes
 * compare-and-set on the sequence number, so servers never overwrite each other's newer state.
 */
package io.hippocamel.store.elasticsearch;
