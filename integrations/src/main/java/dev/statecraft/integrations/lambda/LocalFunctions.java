package dev.statecraft.integrations.lambda;

import dev.statecraft.integrations.config.ConfigException;
import dev.statecraft.integrations.config.FunctionTarget;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Which local function answers for which Lambda function name: the {@code functions:} section of
 * the configuration, then every {@link TaskFunction} found through {@link ServiceLoader} under its
 * own {@link TaskFunction#name()}.
 */
public final class LocalFunctions {

  /** A resolved function: Java code in this process, or an HTTP endpoint. */
  public sealed interface Target {}

  /** A Java function. */
  public record JavaTarget(TaskFunction function) implements Target {}

  /** A function served over HTTP. */
  public record UrlTarget(URI url) implements Target {}

  private final Map<String, Target> byName;
  private final List<String> loadedNames;

  private LocalFunctions(Map<String, Target> byName, List<String> loadedNames) {
    this.byName = Map.copyOf(byName);
    this.loadedNames = List.copyOf(loadedNames);
  }

  /**
   * Loads the TaskFunctions visible to {@code loader} and applies the configuration.
   *
   * @throws ConfigException when a configured Java function is not among the loaded ones
   */
  public static LocalFunctions load(Map<String, FunctionTarget> configured, ClassLoader loader) {
    List<TaskFunction> loaded = ServiceLoader.load(TaskFunction.class, loader).stream()
        .map(ServiceLoader.Provider::get).toList();
    return of(configured, loaded);
  }

  /** Builds the table from configuration and explicitly given functions (no ServiceLoader). */
  public static LocalFunctions of(Map<String, FunctionTarget> configured,
      List<TaskFunction> functions) {
    Map<String, TaskFunction> byOwnName = new LinkedHashMap<>();
    Map<String, TaskFunction> byClass = new HashMap<>();
    for (TaskFunction f : functions) {
      byOwnName.putIfAbsent(f.name(), f);
      byClass.put(f.getClass().getName(), f);
    }
    Map<String, Target> table = new HashMap<>();
    byOwnName.forEach((name, f) -> table.put(name, new JavaTarget(f)));
    // Configured names win over a function's own name.
    configured.forEach((lambdaName, target) -> {
      if (target instanceof FunctionTarget.Url u) {
        table.put(lambdaName, new UrlTarget(u.url()));
      } else if (target instanceof FunctionTarget.Java j) {
        TaskFunction f = byOwnName.getOrDefault(j.name(), byClass.get(j.name()));
        if (f == null) {
          throw new ConfigException("functions." + lambdaName + ": no TaskFunction named or"
              + " implemented by '" + j.name() + "' was found through ServiceLoader (list the class"
              + " in META-INF/services/" + TaskFunction.class.getName() + "); found: "
              + byOwnName.keySet());
        }
        table.put(lambdaName, new JavaTarget(f));
      }
    });
    return new LocalFunctions(table, List.copyOf(byOwnName.keySet()));
  }

  /** The target for a function, trying {@code name:qualifier} before {@code name}; or null. */
  public Target resolve(FunctionName function) {
    if (function.qualifier() != null) {
      Target t = byName.get(function.name() + ":" + function.qualifier());
      if (t != null) {
        return t;
      }
    }
    return byName.get(function.name());
  }

  /** Names of the TaskFunctions found through ServiceLoader (for messages). */
  public List<String> loadedNames() {
    return loadedNames;
  }
}
