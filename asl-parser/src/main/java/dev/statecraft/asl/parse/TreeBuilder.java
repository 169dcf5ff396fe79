package dev.statecraft.asl.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.statecraft.asl.parse.SourceMap.Position;
import dev.statecraft.asl.validate.Diagnostic;
import dev.statecraft.asl.validate.DiagnosticCodes;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Builds a {@link JsonNode} tree and its {@link SourceMap} from a streaming parser's tokens.
 *
 * <p>The tree is built with an explicit stack rather than recursion so that depth is bounded by
 * {@link DefinitionReader#MAX_DEPTH}, checked as each container opens: a 10,000-deep document is
 * refused after reading only its first few hundred tokens.
 */
final class TreeBuilder {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** An open container, the pointer it stands at, and (in objects) the member being read. */
  private static final class Frame {
    final ContainerNode<?> node;
    final String pointer;
    String fieldName;

    Frame(ContainerNode<?> node, String pointer) {
      this.node = node;
      this.pointer = pointer;
    }
  }

  /** Thrown to stop at the first problem; the reader turns it into the single diagnostic. */
  static final class Refusal extends Exception {
    final transient Diagnostic diagnostic;

    Refusal(Diagnostic diagnostic) {
      super(diagnostic.message(), null, false, false);
      this.diagnostic = diagnostic;
    }
  }

  private final JsonParser parser;
  private final boolean yaml;
  private final SourceMap sourceMap = new SourceMap();
  private final Deque<Frame> open = new ArrayDeque<>();

  TreeBuilder(JsonParser parser) {
    this.parser = parser;
    this.yaml = parser instanceof YAMLParser;
  }

  /** Reads exactly one document from the parser. */
  ReadResult build() throws IOException, Refusal {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw refusal(DiagnosticCodes.INVALID_JSON_DESCRIPTION, "", "the definition is empty");
    }
    JsonNode root = null;
    do {
      JsonNode completed = accept(token);
      if (completed != null && open.isEmpty()) {
        root = completed;
      }
    } while (root == null && (token = parser.nextToken()) != null);
    if (root == null) {
      // Jackson reports truncated input itself; this only guards against a parser that does not.
      throw refusal(DiagnosticCodes.INVALID_JSON_DESCRIPTION, "", "unexpected end of input");
    }
    if (parser.nextToken() != null) {
      throw refusal(DiagnosticCodes.INVALID_JSON_DESCRIPTION, "",
          yaml ? "only one YAML document is allowed" : "unexpected content after the definition");
    }
    return ReadResult.success(root, sourceMap);
  }

  /** Handles one token; returns a value once it is complete (a scalar, or a closed container). */
  private JsonNode accept(JsonToken token) throws IOException, Refusal {
    if (yaml && ((YAMLParser) parser).isCurrentAlias()) {
      // Jackson does not expand aliases (it would hand us the anchor's name as a string), and
      // expanding them is how "billion laughs" documents blow up, so we refuse them outright.
      throw refusal(DiagnosticCodes.INVALID_JSON_DESCRIPTION, "",
          "YAML aliases (*" + parser.getText() + ") are not supported");
    }
    switch (token) {
      case FIELD_NAME:
        memberName();
        return null;
      case START_OBJECT:
      case START_ARRAY:
        if (open.size() >= DefinitionReader.MAX_DEPTH) {
          throw refusal(DiagnosticCodes.NESTING_TOO_DEEP, "",
              "nesting is deeper than " + DefinitionReader.MAX_DEPTH + " levels");
        }
        ContainerNode<?> container =
            token == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
        open.push(new Frame(container, attach(container)));
        return null;
      case END_OBJECT:
      case END_ARRAY:
        return open.pop().node;
      default:
        JsonNode scalar = scalar(token);
        attach(scalar);
        return scalar;
    }
  }

  private void memberName() throws IOException, Refusal {
    Frame frame = open.peek();
    String name = parser.currentName();
    String pointer = SourceMap.child(frame.pointer, name);
    if (((ObjectNode) frame.node).has(name)) {
      throw refusal(DiagnosticCodes.DUPLICATE_KEY, pointer, "duplicate key \"" + name + "\"");
    }
    frame.fieldName = name;
    sourceMap.putKey(pointer, here());
  }

  /** Adds a value to the open container (or makes it the root); returns the value's pointer. */
  private String attach(JsonNode value) {
    Frame frame = open.peek();
    String pointer;
    if (frame == null) {
      pointer = "";
    } else if (frame.node instanceof ObjectNode object) {
      pointer = SourceMap.child(frame.pointer, frame.fieldName);
      object.set(frame.fieldName, value);
    } else {
      ArrayNode array = (ArrayNode) frame.node;
      pointer = frame.pointer + "/" + array.size();
      array.add(value);
    }
    sourceMap.putValue(pointer, here());
    return pointer;
  }

  private JsonNode scalar(JsonToken token) throws IOException, Refusal {
    switch (token) {
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      case VALUE_NUMBER_INT:
        return switch (parser.getNumberType()) {
          case INT -> NODES.numberNode(parser.getIntValue());
          case LONG -> NODES.numberNode(parser.getLongValue());
          default -> NODES.numberNode(parser.getBigIntegerValue());
        };
      case VALUE_NUMBER_FLOAT:
        // As Jackson's ObjectMapper does by default: doubles, so both formats give equal trees.
        return NODES.numberNode(parser.getDoubleValue());
      default:
        // VALUE_EMBEDDED_OBJECT: YAML's !!binary and the like, which JSON cannot express.
        throw refusal(DiagnosticCodes.INVALID_JSON_DESCRIPTION, "",
            "this YAML value has no JSON equivalent");
    }
  }

  private Position here() {
    JsonLocation location = parser.currentTokenLocation();
    return new Position(location.getLineNr(), location.getColumnNr());
  }

  private Refusal refusal(String code, String pointer, String message) {
    Position at = here();
    return new Refusal(Diagnostic.error(code, pointer, message).at(at.line(), at.column()));
  }
}
