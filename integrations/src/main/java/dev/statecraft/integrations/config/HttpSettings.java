package dev.statecraft.integrations.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of {@code arn:aws:states:::http:invoke} tasks.
 *
 * @param allowHosts the hosts HTTP tasks may call, or null for every host. An entry is a host
 *     name ({@code api.example.com}, matched case-insensitively), or {@code *.example.com} for
 *     every sub-domain of example.com
 * @param connections EventBridge connection ARN → what a request made with it carries
 */
public record HttpSettings(List<String> allowHosts, Map<String, Connection> connections) {

  public HttpSettings {
    allowHosts = allowHosts == null ? null
        : allowHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
    connections = connections == null ? Map.of() : Map.copyOf(connections);
  }

  /** Every host allowed, no connections. */
  public static HttpSettings allowAll() {
    return new HttpSettings(null, Map.of());
  }

  /** Only the given hosts. */
  public static HttpSettings allowOnly(List<String> hosts) {
    return new HttpSettings(hosts, Map.of());
  }

  /** Whether every host is allowed (no allow-list configured). */
  public boolean allowsAll() {
    return allowHosts == null;
  }

  /** Whether an HTTP task may call this host. */
  public boolean allows(String host) {
    if (allowHosts == null) {
      return true;
    }
    String h = host.toLowerCase(Locale.ROOT);
    for (String entry : allowHosts) {
      if (entry.startsWith("*.") ? h.endsWith(entry.substring(1)) : h.equals(entry)) {
        return true;
      }
    }
    return false;
  }

  /**
   * What a connection adds to each request, standing in for the EventBridge connection's
   * authorization and invocation parameters.
   *
   * @param headers headers added to the request (e.g. Authorization)
   * @param queryParameters query parameters added to the request
   */
  public record Connection(Map<String, String> headers, Map<String, String> queryParameters) {
    public Connection {
      headers = headers == null ? Map.of() : Map.copyOf(headers);
      queryParameters = queryParameters == null ? Map.of() : Map.copyOf(queryParameters);
    }
  }
}
