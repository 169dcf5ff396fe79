package dev.statecraft.cli;

import dev.statecraft.asl.Asl;
import dev.statecraft.asl.ParseResult;
import dev.statecraft.asl.parse.DefinitionReader;
import dev.statecraft.asl.validate.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code statecraft validate FILE...}: prints each diagnostic as {@code file:line:col: severity
 * CODE message} on stdout and a summary on stderr.
 *
 * <p>Exit code 0 when every file is valid (warnings allowed), 1 when any has an error, 2 when a
 * file cannot be read.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check state machine definitions (JSON or YAML) and print their diagnostics.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every definition is valid (warnings allowed)",
      "1:a definition has an error",
      "2:usage error, or a file could not be read"
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Definition files to check.")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int invalid = 0;
    int unreadable = 0;
    int errors = 0;
    int warnings = 0;
    for (Path file : files) {
      String source;
      try {
        source = readAtMostOverLimit(file);
      } catch (IOException e) {
        err.println("statecraft validate: cannot read " + file + ": " + describe(e));
        unreadable++;
        continue;
      }
      ParseResult result = Asl.parse(source);
      for (Diagnostic d : result.diagnostics()) {
        out.println(file + ":" + d.format());
        if (d.isError()) {
          errors++;
        } else {
          warnings++;
        }
      }
      if (!result.valid()) {
        invalid++;
      }
    }
    out.flush();
    int read = files.size() - unreadable;
    err.printf("%d of %d file(s) valid; %d error(s), %d warning(s)%s%n", read - invalid, files.size(),
        errors, warnings, unreadable > 0 ? "; " + unreadable + " unreadable" : "");
    err.flush();
    if (unreadable > 0) {
      return CommandLine.ExitCode.USAGE;
    }
    return invalid > 0 ? 1 : CommandLine.ExitCode.OK;
  }

  /**
   * The file's text, but never more than one byte past the reader's limit: that is enough for the
   * reader to refuse it as too large, without loading a huge file into memory.
   */
  static String readAtMostOverLimit(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(DefinitionReader.MAX_BYTES + 1), StandardCharsets.UTF_8);
    }
  }

  static String describe(IOException e) {
    // These carry only the path as their message, which the caller already printed.
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
