package dev.statecraft.engine.core.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/** States.Base64Encode, States.Base64Decode and States.Hash. */
final class EncodingIntrinsics {
  /** AWS: Base64 input "up to 10,000 characters". */
  static final int MAX_BASE64_INPUT = 10_000;

  /** AWS's algorithm names happen to be the JDK's MessageDigest names too. */
  static final Set<String> HASH_ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  private EncodingIntrinsics() {}

  /** Base64 of the string's UTF-8 bytes. */
  static JsonNode base64Encode(Args args) {
    String data = args.string(0);
    checkLength(args, data);
    String encoded = Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8));
    return JsonValues.NODES.textNode(encoded);
  }

  /** The UTF-8 text of the decoded bytes. */
  static JsonNode base64Decode(Args args) {
    String data = args.string(0);
    checkLength(args, data);
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(data);
    } catch (IllegalArgumentException e) {
      throw args.fail("The input '" + data + "' is not a valid Base64 string");
    }
    return JsonValues.NODES.textNode(new String(bytes, StandardCharsets.UTF_8));
  }

  /** Lower-case hex digest of the string's UTF-8 bytes. */
  static JsonNode hash(Args args) {
    String data = args.string(0);
    String algorithm = args.string(1);
    if (!HASH_ALGORITHMS.contains(algorithm)) {
      throw args.fail(
          "The hash algorithm '" + algorithm
              + "' is not supported; use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512");
    }
    try {
      byte[] digest =
          MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
      return JsonValues.NODES.textNode(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }

  private static void checkLength(Args args, String data) {
    if (data.length() > MAX_BASE64_INPUT) {
      throw args.fail(
          "The input of " + args.function() + " has " + data.length()
              + " characters, more than the maximum of " + MAX_BASE64_INPUT);
    }
  }
}
