/** Typed configuration ({@code hippocamel.*}) and the beans it selects. */
package io.hippocamel.config;
