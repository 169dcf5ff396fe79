package dev.statecraft.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.asl.validate.Diagnostic;
import java.util.Objects;

/**
 * What {@link DefinitionReader} read: either the tree and where its nodes stand in the source, or
 * the single ERROR that stopped reading.
 *
 * @param root the document, or null when reading failed
 * @param sourceMap positions of {@code root}'s nodes, or null when reading failed
 * @param error why reading failed, or null when it succeeded
 */
public record ReadResult(JsonNode root, SourceMap sourceMap, Diagnostic error) {
  public ReadResult {
    if ((error == null) == (root == null) || (root == null) != (sourceMap == null)) {
      throw new IllegalArgumentException("either root and sourceMap, or error");
    }
  }

  static ReadResult success(JsonNode root, SourceMap sourceMap) {
    return new ReadResult(root, sourceMap, null);
  }

  static ReadResult failure(Diagnostic error) {
    return new ReadResult(null, null, Objects.requireNonNull(error));
  }

  /** True when the definition was read into a tree. */
  public boolean ok() {
    return error == null;
  }
}
