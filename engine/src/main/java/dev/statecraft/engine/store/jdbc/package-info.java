/**
 * The JDBC implementation of the storage SPI. SQL is portable where it can be; what differs
 * between databases (DDL, error codes) sits behind {@link dev.statecraft.engine.store.jdbc.Dialect},
 * so PostgreSQL joins H2 by adding a dialect and its migration files.
 */
package dev.statecraft.engine.store.jdbc;
