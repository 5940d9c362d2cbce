/** The {@link io.hippocamel.store.MemoryStore} port and its adapters (Lucene embedded, Elasticsearch). */
package io.hippocamel.store;
