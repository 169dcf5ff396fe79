package dev.statecraft.engine.core.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The functions Step Functions adds to JSONata ($partition, $range, $hash, $random, $uuid,
 * $parse), the ones it removes ($eval) and the clock functions ($now, $millis), which read the
 * evaluation's fixed time instead of the system clock so evaluation stays deterministic.
 *
 * <p>Every function declares one optional argument more than AWS's arity: dashjoin rejects a
 * call longer than the signature with a generic message, and the extra slot lets us reject it
 * with AWS's "Argument n of function ... does not match function signature" (T0410) instead.
 */
final class AwsFunctions {
  private static final Set<String> HASH_ALGORITHMS =
      Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");
  // AWS refuses trailing content and duplicate keys in $parse input.
  private static final ObjectReader STRICT_JSON =
      new ObjectMapper()
          .reader()
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  // Stateless functions are shared: a JFunction and its Signature are not mutated on call.
  static final JFunction PARTITION = new JFunction((in, args) -> partition(args), "<x?x?x?:x>");
  static final JFunction RANGE = new JFunction((in, args) -> range(args), "<x?x?x?x?:x>");
  static final JFunction HASH = new JFunction((in, args) -> hash(args), "<x?x?x?:x>");
  static final JFunction PARSE = new JFunction((in, args) -> parse(args), "<x?x?:x>");
  /** AWS does not offer $eval; calling it fails as calling any non-function does. */
  static final JFunction EVAL =
      new JFunction(
          (in, args) -> {
            throw new JException("T1006", -1);
          },
          "<x?x?x?:x>");

  private AwsFunctions() {}

  /** Binds all functions into a frame; the random ones draw from {@code random}. */
  static void bind(Jsonata.Frame frame, RandomGenerator random, long nowEpochMillis) {
    frame.bind("partition", PARTITION);
    frame.bind("range", RANGE);
    frame.bind("hash", HASH);
    frame.bind("parse", PARSE);
    frame.bind("eval", EVAL);
    frame.bind("random", new JFunction((in, args) -> random(args, random), "<x?x?:x>"));
    frame.bind("uuid", new JFunction((in, args) -> uuid(args, random), "<x?:x>"));
    frame.bind("millis", new JFunction((in, args) -> millis(args, nowEpochMillis), "<x?:x>"));
    frame.bind("now", new JFunction((in, args) -> now(args, nowEpochMillis), "<x?x?x?:x>"));
  }

  private static Object arg(List<?> args, int i) {
    return i < args.size() ? args.get(i) : null;
  }

  private static JException signatureError(String function, int argumentNumber) {
    return new JException(
        "T0410: Argument " + argumentNumber + " of function \"" + function
            + "\" does not match function signature",
        -1);
  }

  private static void noMoreThan(List<?> args, String function, int arity) {
    if (arg(args, arity) != null) {
      throw signatureError(function, arity + 1);
    }
  }

  /** AWS truncates a fractional count towards zero (-1.7 is -1), as a Java cast does. */
  private static long integer(Object value, String function, int argumentNumber) {
    if (!(value instanceof Number n) || value == Jsonata.NULL_VALUE) {
      throw signatureError(function, argumentNumber);
    }
    return (long) n.doubleValue();
  }

  /**
   * $partition(array, chunkSize): consecutive chunks of chunkSize, the last one shorter. An
   * undefined or empty array, or a size truncating to 0, gives undefined; no size gives one chunk.
   */
  static Object partition(List<?> args) {
    noMoreThan(args, "partition", 2);
    Object first = arg(args, 0);
    if (first == null) {
      return null;
    }
    if (!(first instanceof List<?> array)) {
      throw new JException(
          "T0412: Argument 1 of function \"partition\" must be an array of undefined", -1);
    }
    if (array.isEmpty()) {
      return null;
    }
    Object sizeArg = arg(args, 1);
    if (sizeArg == null) {
      return new ArrayList<>(List.of(new ArrayList<>(array)));
    }
    long size = integer(sizeArg, "partition", 2);
    if (size < 0) {
      throw new JException("D3137: Second argument must be zero or greater", -1);
    }
    if (size == 0) {
      return null;
    }
    List<Object> chunks = new ArrayList<>();
    for (int from = 0; from < array.size(); from += (int) Math.min(size, array.size())) {
      int to = (int) Math.min(array.size(), from + size);
      chunks.add(new ArrayList<>(array.subList(from, to)));
    }
    return chunks;
  }

  /**
   * $range(start, end, step): start, start+step, ... up to end inclusive. A missing or zero step
   * or one pointing away from end gives undefined; a single element is returned bare (AWS
   * answers {@code 1} for {@code $range(1, 9, 9)}).
   */
  static Object range(List<?> args) {
    noMoreThan(args, "range", 3);
    long start = integer(arg(args, 0), "range", 1);
    long end = integer(arg(args, 1), "range", 2);
    Object stepArg = arg(args, 2);
    if (stepArg == null) {
      return null;
    }
    long step = integer(stepArg, "range", 3);
    if (step == 0 || (step > 0 && start > end) || (step < 0 && start < end)) {
      return null;
    }
    // Count first, in floating point: stepping a long towards end could overflow and wrap.
    double count = Math.floor(((double) end - start) / step) + 1;
    if (count > 10_000_000) {
      throw new JException("D3137: The range is too large", -1);
    }
    if (count == 1) {
      return start;
    }
    List<Object> values = new ArrayList<>((int) count);
    for (long i = 0, v = start; i < count; i++, v += step) {
      values.add(v);
    }
    return values;
  }

  /** $hash(data, algorithm): the lowercase hex digest of the UTF-8 bytes of data. */
  static Object hash(List<?> args) {
    noMoreThan(args, "hash", 2);
    if (!(arg(args, 0) instanceof String data)) {
      throw signatureError("hash", 1);
    }
    Object algorithmArg = arg(args, 1);
    if (algorithmArg == null) {
      return null;
    }
    if (!(algorithmArg instanceof String algorithm)) {
      throw signatureError("hash", 2);
    }
    if (!HASH_ALGORITHMS.contains(algorithm)) {
      throw new JException(
          "D3137: Hash algorithm '" + algorithm
              + "' must be one of SHA-1, SHA-384, SHA-256, SHA-512, MD5",
          -1);
    }
    try {
      byte[] digest =
          MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks " + algorithm, e);
    }
  }

  /**
   * $random([seed]): a number in [0, 1). With a seed the value is java.util.Random's first
   * nextDouble() for it, which is what AWS returns ($random(42) = 0.7275636800328681).
   */
  static Object random(List<?> args, RandomGenerator random) {
    noMoreThan(args, "random", 1);
    Object seed = arg(args, 0);
    if (seed == null) {
      return random.nextDouble();
    }
    return new Random(integer(seed, "random", 1)).nextDouble();
  }

  /** $uuid(): a version 4 UUID drawn from the evaluation's random source. */
  static Object uuid(List<?> args, RandomGenerator random) {
    noMoreThan(args, "uuid", 0);
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long lsb = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
    return new UUID(msb, lsb).toString();
  }

  /** $parse(json): the JSON value the string holds; undefined for an undefined argument. */
  static Object parse(List<?> args) {
    noMoreThan(args, "parse", 1);
    Object text = arg(args, 0);
    if (text == null) {
      return null;
    }
    if (!(text instanceof String json)) {
      throw signatureError("parse", 1);
    }
    JsonNode parsed;
    try {
      parsed = STRICT_JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new JException("D3137: Invalid JSON", -1);
    }
    if (parsed == null || parsed.isMissingNode()) {
      throw new JException("D3137: Invalid JSON", -1);
    }
    return JsonataValues.toJsonata(parsed);
  }

  static Object millis(List<?> args, long nowEpochMillis) {
    noMoreThan(args, "millis", 0);
    return nowEpochMillis;
  }

  /**
   * $now([picture [, timezone]]): the evaluation time. Without a picture it is ISO-8601 UTC with
   * milliseconds, as JSONata writes it; with one, dashjoin's formatter does the work.
   */
  static Object now(List<?> args, long nowEpochMillis) {
    noMoreThan(args, "now", 2);
    Object picture = arg(args, 0);
    Object timezone = arg(args, 1);
    if (picture == null && timezone == null) {
      return ISO_MILLIS.format(Instant.ofEpochMilli(nowEpochMillis));
    }
    return com.dashjoin.jsonata.Functions.dateTimeFromMillis(
        nowEpochMillis, (String) picture, (String) timezone);
  }

  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
}
