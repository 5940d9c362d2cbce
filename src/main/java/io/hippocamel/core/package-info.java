/** The domain model shared by every part of Hippocamel: documents, chunks, scopes, filters. */
package io.hippocamel.core;
