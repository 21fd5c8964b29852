/**
 * Integration tests that run the application as separate JVMs on one PostgreSQL database: two
 * nodes sharing the engine, a node killed mid-run, many reviewers voting at once. They run in
 * the Maven profile {@code cluster} ({@code *IT}, failsafe) and skip when PostgreSQL is unreachable.
 */
package org.vouchsafe.cluster;
