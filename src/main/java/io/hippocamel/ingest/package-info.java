/** The durable ingest pipeline: extract (Tika, URL fetch) → chunk → embed → index, with recovery on start-up. */
package io.hippocamel.ingest;
