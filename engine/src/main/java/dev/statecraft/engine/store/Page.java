package dev.statecraft.engine.store;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param items the items of this page
 * @param nextToken the opaque token for the next page, or null when this is the last one
 */
public record Page<T>(List<T> items, String nextToken) {
  public Page {
    items = List.copyOf(items);
  }
}
