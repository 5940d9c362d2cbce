/**
 * End-to-end tests over real HTTP on loopback: the official {@code supermemory} npm SDK against the in-process server
 * ({@link io.hippocamel.e2e.SupermemorySdkTest}), and a server process killed with SIGKILL mid-pipeline
 * ({@link io.hippocamel.e2e.CrashRecoveryTest}). Both are skipped with {@code -Dskip.e2e=true}.
 */
package io.hippocamel.e2e;
