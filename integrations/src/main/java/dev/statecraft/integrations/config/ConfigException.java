package dev.statecraft.integrations.config;

/** A configuration file that cannot be used; the message names the field and what it needs. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
