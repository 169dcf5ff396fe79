package dev.statecraft.integrations.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the integrations are allowed and told to call, as read from {@code statecraft.yaml}
 * (YAML or JSON):
 *
 * <pre>
 * functions:                       # Lambda function name → where it runs
 *   HelloFunction: HelloFunction   #   a TaskFunction (ServiceLoader) by name() or class name
 *   Remote: http://127.0.0.1:9000/ #   an http(s) URL that takes the payload as a POST body
 * http:
 *   allowHosts: [api.example.com, "*.internal.example"]   # absent: every host (logged once)
 *   connections:                   # EventBridge connection ARN → what it adds to requests
 *     "arn:aws:events:us-east-1:123456789012:connection/api/1":
 *       headers: {Authorization: "Bearer t0ken"}
 *       queryParameters: {key: value}
 * mocks: MockConfigFile.json       # Step Functions Local mock configuration (relative to this file)
 * </pre>
 *
 * @param functions Lambda function name (optionally {@code name:qualifier}) → target
 * @param http the HTTP task settings
 * @param mocks the mock configuration file, or null
 */
public record StatecraftConfig(Map<String, FunctionTarget> functions, HttpSettings http,
    Path mocks) {

  public StatecraftConfig {
    functions = Map.copyOf(functions);
  }

  /** Nothing configured: every host allowed, no functions, no mocks. */
  public static StatecraftConfig empty() {
    return new StatecraftConfig(Map.of(), HttpSettings.allowAll(), null);
  }

  /** Reads a configuration file (YAML or JSON); relative paths in it resolve against its folder. */
  public static StatecraftConfig read(Path file) throws IOException {
    return ConfigReader.read(file);
  }

  /** Reads configuration text; relative paths resolve against {@code baseDir}. */
  public static StatecraftConfig parse(String text, Path baseDir) {
    return ConfigReader.parse(text, baseDir);
  }

  /** The same configuration with other functions. */
  public StatecraftConfig withFunctions(Map<String, FunctionTarget> functions) {
    return new StatecraftConfig(functions, http, mocks);
  }

  /** The same configuration with other HTTP settings. */
  public StatecraftConfig withHttp(HttpSettings http) {
    return new StatecraftConfig(functions, http, mocks);
  }
}
