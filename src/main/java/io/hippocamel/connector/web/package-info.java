/**
 * The {@code web} source: a small same-host crawler from a start URL, honouring robots.txt and the core's URL rules
 * ({@code hippocamel.ingest.allow-private-urls}, size cap, timeout, checked redirects).
 */
package io.hippocamel.connector.web;
