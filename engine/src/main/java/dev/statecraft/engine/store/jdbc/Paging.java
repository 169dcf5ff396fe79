package dev.statecraft.engine.store.jdbc;

import dev.statecraft.engine.store.Page;
import java.util.List;

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

  /**
   * The page of rows read with {@code LIMIT limit + 1} from {@code offset}: at most {@code limit}
   * of them, and the token of the next page when the extra row was there.
   */
  static <T> Page<T> page(List<T> fetched, int offset, int limit) {
    return new Page<>(fetched.size() > limit ? fetched.subList(0, limit) : fetched,
        next(offset, fetched.size(), limit));
  }

  /** The token of the page after one that started at {@code offset}, or null at the end. */
  static String next(int offset, int fetched, int limit) {
    return fetched > limit ? Integer.toString(offset + limit) : null;
  }
}
