package dev.statecraft.engine.core.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts between Jackson trees and the plain Java values dashjoin JSONata works on, without
 * going through JSON text.
 *
 * <p>Into JSONata, objects and arrays become read-only <em>views</em> over the Jackson nodes, so
 * an expression that reads one field of a large input converts only that field. A JSON null is
 * {@link Jsonata#NULL_VALUE} (a Java null means "undefined" to JSONata). Out of JSONata, a view
 * that comes back untouched is unwrapped to its original node.
 */
final class JsonataValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Integral doubles below this magnitude are written as integers, as JavaScript prints them. */
  private static final double LONG_LIMIT = 0x1p63;

  private JsonataValues() {}

  /** A Jackson node as a JSONata value; null or missing becomes undefined (Java null). */
  static Object toJsonata(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return null;
    }
    switch (node.getNodeType()) {
      case OBJECT:
        return new ObjectView(node);
      case ARRAY:
        return new ArrayView(node);
      case STRING:
        return node.textValue();
      case BOOLEAN:
        return node.booleanValue();
      case NUMBER:
        return toJsonataNumber(node);
      case NULL:
        return Jsonata.NULL_VALUE;
      default: // BINARY, POJO: not produced by JSON parsing; read them as text
        return node.asText();
    }
  }

  private static Object toJsonataNumber(JsonNode node) {
    if (node.isInt()) {
      return node.intValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.doubleValue();
    }
    double d = node.doubleValue();
    // JSON has one number type: 1.0 is the integer 1 (JavaScript, hence AWS, prints it so).
    if (d == Math.rint(d) && Math.abs(d) < LONG_LIMIT) {
      return (long) d;
    }
    return d;
  }

  /**
   * A JSONata result as a Jackson node.
   *
   * @return the node, or null when the value is undefined (a Java null)
   * @throws NonJsonResultException when the value cannot be represented in JSON (a function, a
   *     non-finite number)
   */
  static JsonNode toJson(Object value) {
    return value == null ? null : toJsonDefined(value);
  }

  private static JsonNode toJsonDefined(Object value) {
    if (value == Jsonata.NULL_VALUE) {
      return NullNode.getInstance();
    }
    if (value instanceof JsonView view) {
      return view.node();
    }
    if (value instanceof String s) {
      return TextNode.valueOf(s);
    }
    if (value instanceof Boolean b) {
      return BooleanNode.valueOf(b);
    }
    if (value instanceof Number n) {
      return numberNode(n);
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        // An undefined member is dropped, as JSON.stringify drops it.
        if (e.getValue() != null) {
          object.set(String.valueOf(e.getKey()), toJsonDefined(e.getValue()));
        }
      }
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode(list.size());
      for (Object element : list) {
        // JSONata drops undefined from sequences; should one remain, JSON.stringify writes null.
        array.add(element == null ? NullNode.getInstance() : toJsonDefined(element));
      }
      return array;
    }
    throw new NonJsonResultException(describe(value));
  }

  private static JsonNode numberNode(Number n) {
    if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return IntNode.valueOf(n.intValue());
    }
    if (n instanceof Long l) {
      return l == l.intValue() ? IntNode.valueOf(l.intValue()) : LongNode.valueOf(l);
    }
    if (n instanceof BigInteger bi) {
      return bi.bitLength() < 64 ? numberNode(bi.longValue()) : DoubleNode.valueOf(bi.doubleValue());
    }
    double d = n instanceof BigDecimal bd ? bd.doubleValue() : n.doubleValue();
    if (!Double.isFinite(d)) {
      throw new NonJsonResultException("the number " + d);
    }
    if (d == Math.rint(d) && Math.abs(d) < LONG_LIMIT) {
      return numberNode((long) d); // -0.0 included: JSON.stringify(-0) is "0"
    }
    return DoubleNode.valueOf(d);
  }

  private static String describe(Object value) {
    return isFunction(value) ? "a function" : "a value of type " + value.getClass().getSimpleName();
  }

  /** Whether a JSONata result is a function (a lambda, a partial or a built-in). */
  static boolean isFunction(Object value) {
    return value instanceof Jsonata.JFunction || value.getClass().getName().contains("Symbol");
  }

  /** Raised when a result has no JSON form. */
  static final class NonJsonResultException extends RuntimeException {
    NonJsonResultException(String what) {
      super(what + " cannot be represented in JSON", null, false, false);
    }
  }

  /** A JSONata value that is a view over an unchanged Jackson node. */
  interface JsonView {
    JsonNode node();
  }

  /** A read-only Map view of an ObjectNode; values are converted on access. */
  static final class ObjectView extends AbstractMap<String, Object> implements JsonView {
    private final JsonNode node;

    ObjectView(JsonNode node) {
      this.node = node;
    }

    @Override
    public JsonNode node() {
      return node;
    }

    @Override
    public Object get(Object key) {
      return key instanceof String k ? toJsonata(node.get(k)) : null;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String k && node.has(k);
    }

    @Override
    public int size() {
      return node.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<String, Object>> iterator() {
          Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              return fields.hasNext();
            }

            @Override
            public Entry<String, Object> next() {
              Map.Entry<String, JsonNode> f = fields.next();
              return new SimpleImmutableEntry<>(f.getKey(), toJsonata(f.getValue()));
            }
          };
        }

        @Override
        public int size() {
          return node.size();
        }
      };
    }
  }

  /** A read-only List view of an ArrayNode; elements are converted on access. */
  static final class ArrayView extends AbstractList<Object> implements JsonView {
    private final JsonNode node;

    ArrayView(JsonNode node) {
      this.node = node;
    }

    @Override
    public JsonNode node() {
      return node;
    }

    @Override
    public Object get(int index) {
      if (index < 0 || index >= node.size()) {
        throw new IndexOutOfBoundsException(index);
      }
      return toJsonata(node.get(index));
    }

    @Override
    public int size() {
      return node.size();
    }
  }
}
