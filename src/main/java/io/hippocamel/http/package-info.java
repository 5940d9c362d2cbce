/**
 * The one outbound HTTP client set-up (Apache HttpClient 5) shared by the connectors, URL fetch and the OpenAI
 * embedder: each caller picks its own timeouts and retries ({@link io.hippocamel.http.HttpSettings}); retries honour
 * {@code Retry-After} ({@link io.hippocamel.http.RetryAfterStrategy}).
 */
package io.hippocamel.http;
