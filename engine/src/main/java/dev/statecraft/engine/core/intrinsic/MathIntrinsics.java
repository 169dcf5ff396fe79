package dev.statecraft.engine.core.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** States.MathRandom, States.MathAdd and States.UUID. */
final class MathIntrinsics {
  private MathIntrinsics() {}

  /**
   * A random integer with start inclusive and end exclusive. With a seed the value depends only
   * on the seed (a fresh {@link Random} seeded with it); without one it is drawn from the
   * execution's generator.
   */
  static JsonNode random(Args args) {
    long start = args.int32(0);
    long end = args.int32(1);
    if (start >= end) {
      throw args.fail("The start value " + start + " must be less than the end value " + end);
    }
    RandomGenerator generator = args.size() > 2 ? new Random(args.integer(2)) : args.random();
    return JsonValues.integer(generator.nextLong(start, end));
  }

  /** The sum of two integers; AWS rounds non-integer arguments to the nearest integer first. */
  static JsonNode add(Args args) {
    long sum = (long) args.int32(0) + args.int32(1);
    return JsonValues.integer(sum);
  }

  /** A version 4 UUID whose random bits come from the execution's generator. */
  static JsonNode uuid(Args args) {
    RandomGenerator random = args.random();
    long msb = random.nextLong();
    long lsb = random.nextLong();
    msb = (msb & ~0xF000L) | 0x4000L; // version 4
    lsb = (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant 10xx
    return JsonValues.NODES.textNode(new UUID(msb, lsb).toString());
  }
}
