/** Hybrid search (BM25 + vectors, fused), metadata filter parsing and thresholds. */
package io.hippocamel.search;
