package dev.statecraft.engine.store.jdbc;

import dev.statecraft.engine.store.StoreException;

/** Offset page tokens for the small listings (state machines, executions, activities). */
final class Paging {
  private Paging() {}

  static int offset(String token) {
    if (token == null || token.isEmpty()) {
      return 0;
    }
    try {
      return Integer.parseInt(token);
    } catch (NumberFormatException e) {
      throw new StoreException("Invalid page token: " + token);
    }
  }

  /** The token of the page after one that started at {@code offset}, or null at the end. */
  static String next(int offset, int fetched, int limit) {
    return fetched > limit ? Integer.toString(offset + limit) : null;
  }
}
