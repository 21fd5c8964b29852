/**
 * The benchmark suite of docs/performance.md (P1, P2, P5 and the load run; P3 and P4 when their
 * JMH benchmarks exist). Compiled and run only in the Maven profile {@code bench}; never part of
 * the test command.
 */
package org.vouchsafe.bench;
