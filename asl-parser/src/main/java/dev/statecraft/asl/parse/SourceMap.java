package dev.statecraft.asl.parse;

import dev.statecraft.asl.validate.Diagnostic;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each node of a definition stands in its source text, keyed by JSON Pointer (RFC 6901).
 *
 * <p>Every value is recorded at its first character (the {@code {}, {@code [}, quote or first
 * character of a scalar); every object member is also recorded at its key, which is usually the
 * better place to point a person at ("this field is not allowed").
 */
public final class SourceMap {
  /** A 1-based line and column; {@link #UNKNOWN} (0:0) when nothing is known. */
  public record Position(int line, int column) {
    public static final Position UNKNOWN = new Position(0, 0);
  }

  private final Map<String, Position> values = new HashMap<>();
  private final Map<String, Position> keys = new HashMap<>();

  SourceMap() {}

  void putValue(String pointer, Position position) {
    values.put(pointer, position);
  }

  void putKey(String pointer, Position position) {
    keys.put(pointer, position);
  }

  /**
   * Position of the value at {@code pointer}; when there is no such node (a diagnostic about a
   * missing field points at where it should be), the position of its nearest recorded ancestor.
   */
  public Position locate(String pointer) {
    for (String p = pointer; p != null; p = parent(p)) {
      Position found = values.get(p);
      if (found != null) {
        return found;
      }
    }
    return Position.UNKNOWN;
  }

  /**
   * Position of the key of the object member at {@code pointer}; for array elements, the root, or
   * a pointer not in the document, the same as {@link #locate}.
   */
  public Position locateKey(String pointer) {
    Position key = keys.get(pointer);
    return key != null ? key : locate(pointer);
  }

  /** The diagnostic placed at the key (or value) its pointer names. */
  public Diagnostic place(Diagnostic diagnostic) {
    Position at = locateKey(diagnostic.pointer());
    return diagnostic.at(at.line(), at.column());
  }

  /** Number of values recorded: one per node of the tree. */
  public int size() {
    return values.size();
  }

  /** The pointer one level up, or null for the root. */
  static String parent(String pointer) {
    if (pointer.isEmpty()) {
      return null;
    }
    int slash = pointer.lastIndexOf('/');
    // An unescaped '/' always separates segments, so the last one starts the last segment.
    return slash <= 0 ? "" : pointer.substring(0, slash);
  }

  /** {@code parent + "/" + name}, with {@code ~} and {@code /} escaped as RFC 6901 requires. */
  static String child(String parent, String name) {
    return parent + "/" + name.replace("~", "~0").replace("/", "~1");
  }
}
