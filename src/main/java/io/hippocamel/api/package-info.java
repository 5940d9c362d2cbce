/** The Supermemory-compatible Memory API: REST routes, request validation, response shapes, auth, errors. */
package io.hippocamel.api;
