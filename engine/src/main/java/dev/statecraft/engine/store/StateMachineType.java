package dev.statecraft.engine.store;

/** AWS's two workflow types: durable Standard, in-memory Express. */
public enum StateMachineType {
  STANDARD,
  EXPRESS
}
