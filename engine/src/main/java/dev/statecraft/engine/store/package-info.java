/**
 * The storage SPI of durable (Standard) executions. A {@link dev.statecraft.engine.store.Store}
 * keeps state machines with their versions, executions with the input events that rebuild them,
 * their history, timers, tasks in flight and activities. One step of an execution is written by
 * one {@link dev.statecraft.engine.store.ExecutionStore#commit} — all of it or nothing — before
 * any of its commands takes effect. Implementations live in sub-packages ({@code jdbc}); every
 * implementation passes the same contract tests.
 */
package dev.statecraft.engine.store;
