package dev.statecraft.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.engine.core.Json;
import org.junit.jupiter.api.Test;

class FormEncodingTest {
  private static final String BODY = "{\"array\": [\"a\", \"b\"], \"obj\": {\"k\": 1}}";

  private static String encode(FormEncoding.ArrayFormat f) {
    return FormEncoding.encode(Json.parse(BODY), f);
  }

  @Test
  void arrayFormats() {
    assertThat(encode(FormEncoding.ArrayFormat.INDICES))
        .isEqualTo("array%5B0%5D=a&array%5B1%5D=b&obj%5Bk%5D=1");
    assertThat(encode(FormEncoding.ArrayFormat.REPEAT)).isEqualTo("array=a&array=b&obj%5Bk%5D=1");
    assertThat(encode(FormEncoding.ArrayFormat.BRACKETS))
        .isEqualTo("array%5B%5D=a&array%5B%5D=b&obj%5Bk%5D=1");
    assertThat(encode(FormEncoding.ArrayFormat.COMMAS)).isEqualTo("array=a%2Cb&obj%5Bk%5D=1");
  }

  @Test
  void unknownFormatIsRefused() {
    assertThatThrownBy(() -> FormEncoding.ArrayFormat.of("SPACES"))
        .hasMessageContaining("ArrayFormat");
  }
}
