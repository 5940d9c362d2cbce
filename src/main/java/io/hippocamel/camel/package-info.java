/**
 * The {@code memory:} Camel component: memory in users' own integration flows. {@code memory:add},
 * {@code memory:search}, {@code memory:get}, {@code memory:delete} and {@code memory:list} call the engine in
 * process (no HTTP, same validation as the Memory API); {@code memory:events} emits document status changes.
 * {@link io.hippocamel.camel.MemoryCamelConfiguration} registers the component as the bean {@code memory} and makes
 * a broken route file fail start-up with its name.
 */
package io.hippocamel.camel;
