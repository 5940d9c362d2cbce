/**
 * The benchmark command ({@code mvn -B -Pbench verify}): starts the real server in-process, drives it over HTTP as a
 * client would, and writes {@code BENCHMARKS.md}. One class per section; {@link io.hippocamel.bench.BenchmarkMain}
 * runs them. Test scope, so the shipped jar stays lean.
 */
package io.hippocamel.bench;
