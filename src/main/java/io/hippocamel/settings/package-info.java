/** Per-tenant organisation settings ({@code /v3/settings}), kept as coordination records of the store. */
package io.hippocamel.settings;
