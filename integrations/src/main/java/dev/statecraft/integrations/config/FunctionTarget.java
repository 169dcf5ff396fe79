package dev.statecraft.integrations.config;

import java.net.URI;

/** Where a Lambda function named in a definition runs locally. */
public sealed interface FunctionTarget {

  /**
   * A {@code TaskFunction} found through {@link java.util.ServiceLoader}.
   *
   * @param name its {@code name()} or its fully qualified class name
   */
  record Java(String name) implements FunctionTarget {}

  /**
   * An HTTP endpoint that receives the payload as a POST body and answers with JSON.
   *
   * @param url the absolute http(s) URL
   */
  record Url(URI url) implements FunctionTarget {}

  /** Reads a configuration value: an http(s) URL, else the name of a Java TaskFunction. */
  static FunctionTarget of(String value) {
    String v = value.trim();
    if (v.startsWith("http://") || v.startsWith("https://")) {
      return new Url(URI.create(v));
    }
    return new Java(v);
  }
}
