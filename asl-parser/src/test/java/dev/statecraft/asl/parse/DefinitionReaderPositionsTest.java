package dev.statecraft.asl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.asl.parse.SourceMap.Position;
import dev.statecraft.asl.validate.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Good input: the tree, and where each node stands. */
class DefinitionReaderPositionsTest {
  private final DefinitionReader reader = new DefinitionReader();

  private SourceMap read(String source) {
    ReadResult result = reader.read(source);
    assertThat(result.error()).isNull();
    return result.sourceMap();
  }

  @Test
  void jsonMembersAndArrayElementsHaveTheirLineAndColumn() {
    String json = String.join("\n",
        "{",
        "  \"StartAt\": \"A\",",
        "  \"States\": {",
        "    \"A\": {\"Type\": \"Pass\", \"Result\": [1, {\"x\": null}], \"End\": true}",
        "  }",
        "}");
    SourceMap map = read(json);

    assertThat(map.locate("")).isEqualTo(new Position(1, 1));
    assertThat(map.locateKey("/StartAt")).isEqualTo(new Position(2, 3));
    assertThat(map.locate("/StartAt")).isEqualTo(new Position(2, 14));
    assertThat(map.locate("/States")).isEqualTo(new Position(3, 13));
    assertThat(map.locateKey("/States/A/Type")).isEqualTo(new Position(4, 11));
    assertThat(map.locate("/States/A/Type")).isEqualTo(new Position(4, 19));
    assertThat(map.locate("/States/A/Result")).isEqualTo(new Position(4, 37));
    assertThat(map.locate("/States/A/Result/0")).isEqualTo(new Position(4, 38));
    assertThat(map.locate("/States/A/Result/1")).isEqualTo(new Position(4, 41));
    assertThat(map.locateKey("/States/A/Result/1/x")).isEqualTo(new Position(4, 42));
    assertThat(map.locate("/States/A/Result/1/x")).isEqualTo(new Position(4, 47));
    assertThat(map.locate("/States/A/End")).isEqualTo(new Position(4, 62));
    assertThat(map.size()).isEqualTo(10);
  }

  @Test
  void yamlMembersAndSequenceItemsHaveTheirLineAndColumn() {
    String yaml = String.join("\n",
        "StartAt: A",
        "States:",
        "  A:",
        "    Type: Pass",
        "    Result:",
        "      - 1",
        "      - x: [true, 2.5]",
        "    End: true",
        "");
    ReadResult result = reader.read(yaml);
    SourceMap map = result.sourceMap();

    assertThat(result.root().toString()).isEqualTo(
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Result\":[1,{\"x\":[true,2.5]}],"
            + "\"End\":true}}}");
    assertThat(map.locate("")).isEqualTo(new Position(1, 1));
    assertThat(map.locateKey("/StartAt")).isEqualTo(new Position(1, 1));
    assertThat(map.locate("/StartAt")).isEqualTo(new Position(1, 10));
    assertThat(map.locateKey("/States/A")).isEqualTo(new Position(3, 3));
    assertThat(map.locateKey("/States/A/Type")).isEqualTo(new Position(4, 5));
    assertThat(map.locate("/States/A/Type")).isEqualTo(new Position(4, 11));
    assertThat(map.locate("/States/A/Result/0")).isEqualTo(new Position(6, 9));
    assertThat(map.locateKey("/States/A/Result/1/x")).isEqualTo(new Position(7, 9));
    assertThat(map.locate("/States/A/Result/1/x")).isEqualTo(new Position(7, 12));
    assertThat(map.locate("/States/A/Result/1/x/1")).isEqualTo(new Position(7, 19));
    assertThat(map.locateKey("/States/A/End")).isEqualTo(new Position(8, 5));
  }

  @Test
  void aMissingNodeIsLocatedAtItsNearestAncestor() {
    SourceMap map = read("{\n  \"States\": {\n    \"A\": {}\n  }\n}");

    assertThat(map.locate("/States/A/Next")).isEqualTo(new Position(3, 10));
    assertThat(map.locateKey("/States/A/Next")).isEqualTo(new Position(3, 10));
    assertThat(map.locate("/Nowhere/at/all")).isEqualTo(new Position(1, 1));
    assertThat(map.place(Diagnostic.error("X", "/States/A", "m")).format())
        .startsWith("3:5: error X m");
  }

  @Test
  void keysAreEscapedInPointers() {
    SourceMap map = read("{\"a/b\": {\"c~d\": 1}}");

    assertThat(map.locate("/a~1b/c~0d")).isEqualTo(new Position(1, 17));
  }

  @Test
  void yamlScalarsMapLikeJson() {
    String yaml = "a: yes\nb: true\nc: 1.5\nd: 42\ne: ~\nf:\ng: '1'\nh: \"\"\n1: x\nj: False\n";
    ReadResult result = reader.read(yaml);

    assertThat(result.root().toString()).isEqualTo(
        "{\"a\":\"yes\",\"b\":true,\"c\":1.5,\"d\":42,\"e\":null,\"f\":null,\"g\":\"1\",\"h\":\"\","
            + "\"1\":\"x\",\"j\":false}");
  }

  @Test
  void jsonAndYamlOfTheSameDefinitionGiveEqualTrees() {
    ReadResult json = reader.read("{\"n\": [1, 2.5, 10000000000, null, \"s\", false]}");
    ReadResult yaml = reader.read("n:\n  - 1\n  - 2.5\n  - 10000000000\n  - null\n  - s\n  - false\n");

    assertThat(yaml.root()).isEqualTo(json.root());
  }

  @Test
  void bytesAreReadAsUtf8WithOrWithoutAByteOrderMark() {
    byte[] withBom = "\uFEFF{\"Comment\": \"caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ReadResult result = reader.read(withBom);

    assertThat(result.root().get("Comment").asText()).isEqualTo("caf\u00e9");
    assertThat(result.sourceMap().locate("/Comment")).isEqualTo(new Position(1, 13));
  }

  @Test
  void everyValidConformanceDefinitionReads() throws IOException {
    Path valid = Path.of(System.getProperty("statecraft.shared", "../../shared"),
        "conformance", "validation", "valid");
    List<Path> files;
    try (Stream<Path> list = Files.list(valid)) {
      files = list.filter(p -> p.toString().matches(".*\\.(json|ya?ml)$")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(100);
    for (Path file : files) {
      ReadResult result = reader.read(Files.readAllBytes(file));
      assertThat(result.error()).as(file.getFileName().toString()).isNull();
      assertThat(result.root().isObject()).as(file.getFileName().toString()).isTrue();
    }
  }
}
