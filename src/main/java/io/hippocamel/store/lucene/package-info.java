/** The embedded {@link io.hippocamel.store.MemoryStore} adapter: one Lucene index and a blob folder on local disk. */
package io.hippocamel.store.lucene;
