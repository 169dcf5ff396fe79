package dev.statecraft.engine.core.intrinsic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EncodingIntrinsicsTest extends IntrinsicTestSupport {

  @Test
  void base64RoundTrip() {
    assertThat(eval("States.Base64Encode('Data to encode')").textValue())
        .isEqualTo("RGF0YSB0byBlbmNvZGU=");
    assertThat(eval("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')").textValue())
        .isEqualTo("Data to encode");
    assertThat(eval("States.Base64Encode('')").textValue()).isEmpty();
    assertThat(eval("States.Base64Decode('')").textValue()).isEmpty();
    assertThat(eval("States.Base64Decode(States.Base64Encode('héllo ✓'))").textValue())
        .isEqualTo("héllo ✓");
  }

  @Test
  void base64Limits() {
    String max = "{\"s\":\"" + "a".repeat(10_000) + "\"}";
    String over = "{\"s\":\"" + "a".repeat(10_001) + "\"}";
    assertThat(eval("States.Base64Encode($.s)", max).textValue()).hasSize(13_336);
    assertIntrinsicFailure("States.Base64Encode($.s)", over, "10001 characters");
    assertIntrinsicFailure("States.Base64Decode($.s)", over, "10001 characters");
  }

  @Test
  void base64RejectsWrongInput() {
    assertIntrinsicFailure("States.Base64Decode('not base64!')", "not a valid Base64");
    assertIntrinsicFailure("States.Base64Encode(1)", "must be a string");
    assertIntrinsicFailure("States.Base64Decode(null)", "must be a string");
  }

  @ParameterizedTest
  @CsvSource({
    "MD5, 812f45842bc6d66ee14572ce20db8e86",
    "SHA-1, aaff4a450a104cd177d28d18d74485e8cae074b7",
    "SHA-256, b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3",
    "SHA-384, d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562",
    "SHA-512, 6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4"
  })
  void hash(String algorithm, String expected) {
    assertThat(eval("States.Hash('input data', '" + algorithm + "')").textValue()).isEqualTo(expected);
  }

  @Test
  void hashRejectsUnknownAlgorithmAndNonStrings() {
    assertIntrinsicFailure("States.Hash('x', 'SHA-2')", "'SHA-2' is not supported");
    assertIntrinsicFailure("States.Hash('x', 'sha-256')", "not supported");
    assertIntrinsicFailure("States.Hash(1, 'MD5')", "must be a string");
  }
}
