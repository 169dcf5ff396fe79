package dev.statecraft.cli;

import dev.statecraft.integrations.config.ConfigException;
import dev.statecraft.integrations.config.StatecraftConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which {@code statecraft.yaml} a command uses: the one named by {@code --config}, else {@code
 * statecraft.yaml} in the current directory when there is one, else the defaults (no functions,
 * every HTTP host allowed, no mocks).
 */
final class ConfigFile {
  static final Path DEFAULT = Path.of("statecraft.yaml");

  private ConfigFile() {}

  /**
   * Reads the configuration.
   *
   * @param explicit the {@code --config} value, or null
   * @throws ConfigException with a message that names the file and the field
   */
  static StatecraftConfig load(Path explicit) {
    Path file = explicit;
    if (file == null) {
      if (!Files.isRegularFile(DEFAULT)) {
        return StatecraftConfig.empty();
      }
      file = DEFAULT;
    }
    try {
      return StatecraftConfig.read(file);
    } catch (ConfigException e) {
      String message = e.getMessage();
      throw new ConfigException(message.startsWith(file.toString()) ? message
          : file + ": " + message, e);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + ValidateCommand.describe(e), e);
    }
  }
}
