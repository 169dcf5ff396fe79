package dev.statecraft.integrations.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * URL-encodes an HTTP task's RequestBody ({@code Transform.RequestBodyEncoding: URL_ENCODED}).
 * Arrays follow {@code RequestEncodingOptions.ArrayFormat}: for {@code {"array":["a","b"]}},
 * INDICES (the default) gives {@code array[0]=a&array[1]=b}, REPEAT {@code array=a&array=b},
 * BRACKETS {@code array[]=a&array[]=b} and COMMAS {@code array=a,b}; nested objects become {@code
 * parent[child]=value}. Names and values are form-encoded (brackets as %5B %5D).
 */
final class FormEncoding {
  private FormEncoding() {}

  /** The ArrayFormat options. */
  enum ArrayFormat {
    INDICES,
    REPEAT,
    BRACKETS,
    COMMAS;

    static ArrayFormat of(String name) throws HttpTaskParameters.Invalid {
      try {
        return valueOf(name.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new HttpTaskParameters.Invalid("Transform.RequestEncodingOptions.ArrayFormat must"
            + " be one of BRACKETS, COMMAS, INDICES or REPEAT; got " + name);
      }
    }
  }

  static String encode(JsonNode body, ArrayFormat format) {
    List<String> parts = new ArrayList<>();
    body.fields().forEachRemaining(e -> add(parts, e.getKey(), e.getValue(), format));
    return String.join("&", parts);
  }

  private static void add(List<String> parts, String name, JsonNode v, ArrayFormat format) {
    if (v.isObject()) {
      v.fields().forEachRemaining(e -> add(parts, name + "[" + e.getKey() + "]", e.getValue(),
          format));
    } else if (v.isArray()) {
      if (format == ArrayFormat.COMMAS) {
        List<String> items = new ArrayList<>();
        v.forEach(i -> items.add(i.asText()));
        parts.add(pair(name, String.join(",", items)));
        return;
      }
      for (int i = 0; i < v.size(); i++) {
        String key = switch (format) {
          case INDICES -> name + "[" + i + "]";
          case BRACKETS -> name + "[]";
          default -> name;
        };
        add(parts, key, v.get(i), format);
      }
    } else {
      parts.add(pair(name, v.isNull() ? "" : v.asText()));
    }
  }

  private static String pair(String name, String value) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
