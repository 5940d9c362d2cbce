/**
 * Scheduled connectors: YAML-configured instances ({@link io.hippocamel.connector.ConnectorConfigLoader}) that keep
 * one container tag in sync with an outside source. One Quartz-triggered Camel route per instance
 * ({@link io.hippocamel.connector.ConnectorRoutes}) runs {@link io.hippocamel.connector.ConnectorSync}, which asks a
 * {@link io.hippocamel.connector.SourceClient} what changed since the saved cursor and mirrors it into the store
 * through the normal ingest pipeline. Sources live in sub-packages, one per type.
 */
package io.hippocamel.connector;
