package dev.statecraft.engine.core.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;

/** One intrinsic function's behaviour, applied to already-evaluated arguments. */
@FunctionalInterface
interface Intrinsic {
  /**
   * @throws IntrinsicException when an argument breaks the function's rules
   */
  JsonNode apply(Args args);
}
