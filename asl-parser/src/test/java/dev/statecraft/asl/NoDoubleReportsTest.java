package dev.statecraft.asl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.asl.validate.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One problem, one diagnostic: the schema and the semantic pass must not both report it. Walks
 * every refused definition and fails on two diagnostics with the same code, pointer and message.
 */
class NoDoubleReportsTest {
  @Test
  void noInvalidCorpusFileGetsTheSameDiagnosticTwice() throws IOException {
    Path dir = CorpusTest.shared().resolve("conformance/validation/invalid");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".yaml"))
          .sorted().toList();
    }
    assertThat(files).isNotEmpty();
    List<String> doubles = new ArrayList<>();
    for (Path p : files) {
      Set<String> seen = new HashSet<>();
      for (Diagnostic d : Asl.parse(Files.readString(p)).diagnostics()) {
        if (!seen.add(d.code() + "|" + d.pointer() + "|" + d.message())) {
          doubles.add(p.getFileName() + ": " + d.format());
        }
      }
    }
    assertThat(doubles).isEmpty();
  }

  @Test
  void aDefinitionWithManyProblemsReportsEachOnce() {
    // Known former doubles: Next on Succeed, a mistyped operand, an empty And, Next in a nested
    // rule, and a JSONPath field with the wrong shape in a JSONata state.
    String def = ("{'StartAt':'S','States':{"
        + "'S':{'Type':'Choice','Choices':[{'Variable':'$.a','StringEquals':1,'Next':'E'},"
        + "{'And':[],'Next':'E'},{'Not':{'Variable':'$.a','IsNull':true,'Next':'E'},'Next':'E'}],"
        + "'Default':'J'},"
        + "'J':{'Type':'Pass','QueryLanguage':'JSONata','Parameters':'x','Next':'E'},"
        + "'E':{'Type':'Succeed','Next':'S'}}}").replace('\'', '"');
    List<Diagnostic> found = Asl.parse(def).diagnostics();
    assertThat(found).extracting(Diagnostic::pointer).doesNotHaveDuplicates().containsExactly(
        "/States/S/Choices/0/StringEquals", "/States/S/Choices/1/And",
        "/States/S/Choices/2/Not/Next", "/States/E/Next", "/States/J/Parameters");
  }
}
