package dev.statecraft.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.integrations.config.ConfigException;
import dev.statecraft.integrations.config.FunctionTarget;
import dev.statecraft.integrations.config.StatecraftConfig;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigTest {
  private static final Path BASE = Path.of("/etc/statecraft");

  @Test
  void readsYaml() {
    StatecraftConfig c = StatecraftConfig.parse("""
        functions:
          HelloFunction: Greet
          Remote: http://127.0.0.1:9000/invoke
        http:
          allowHosts: [api.example.com, "*.internal.example"]
          connections:
            "arn:aws:events:us-east-1:123456789012:connection/api/1":
              headers: {Authorization: "Bearer t"}
        mocks: mocks/MockConfigFile.json
        """, BASE);
    assertThat(c.functions()).containsEntry("HelloFunction", new FunctionTarget.Java("Greet"))
        .containsEntry("Remote", new FunctionTarget.Url(URI.create("http://127.0.0.1:9000/invoke")));
    assertThat(c.http().allows("api.example.com")).isTrue();
    assertThat(c.http().allows("API.example.com")).isTrue();
    assertThat(c.http().allows("svc.internal.example")).isTrue();
    assertThat(c.http().allows("internal.example.evil.com")).isFalse();
    assertThat(c.http().allows("example.com")).isFalse();
    assertThat(c.http().connections()).hasSize(1);
    assertThat(c.mocks()).isEqualTo(BASE.resolve("mocks/MockConfigFile.json"));
  }

  @Test
  void readsJsonAndDefaults() {
    StatecraftConfig c = StatecraftConfig.parse("{\"functions\": {\"f\": \"Greet\"}}", BASE);
    assertThat(c.http().allowsAll()).isTrue();
    assertThat(c.mocks()).isNull();
    assertThat(StatecraftConfig.parse("", BASE).functions()).isEmpty();
  }

  @Test
  void mistakesNameTheField() {
    assertThatThrownBy(() -> StatecraftConfig.parse("function: {}", BASE))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'function'")
        .hasMessageContaining("functions");
    assertThatThrownBy(() -> StatecraftConfig.parse("http: {allowHosts: api.example.com}", BASE))
        .hasMessageContaining("http.allowHosts");
    assertThatThrownBy(() -> StatecraftConfig.parse("functions: {f: {x: 1}}", BASE))
        .hasMessageContaining("functions.f");
    assertThatThrownBy(() -> StatecraftConfig.parse("functions: [", BASE))
        .hasMessageContaining("not valid YAML");
  }
}
