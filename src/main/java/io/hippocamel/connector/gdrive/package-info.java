/**
 * The {@code google-drive} source: a thin client of the Drive v3 REST API (files.list, changes.list with a saved
 * page token, export, alt=media) and Google's OAuth token endpoint (refresh-token and service-account JWT grants).
 */
package io.hippocamel.connector.gdrive;
