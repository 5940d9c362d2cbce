/**
 * Memories: short facts extracted from documents and conversations, with versions, relations, forgetting and
 * provenance ({@link io.hippocamel.memory.Memory}), their storage port ({@link io.hippocamel.memory.MemoryFactStore})
 * with a Lucene and an Elasticsearch adapter, and hybrid search over them ({@link io.hippocamel.memory.MemorySearch}).
 */
package io.hippocamel.memory;
