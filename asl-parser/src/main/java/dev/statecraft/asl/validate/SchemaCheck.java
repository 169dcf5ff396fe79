package dev.statecraft.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a definition against the structural JSON Schema of the Amazon States Language
 * ({@code dev/statecraft/schemas/asl.schema.json}): allowed fields per state type, value types,
 * required fields, enums and numeric bounds. Every violation becomes one {@link Diagnostic} with
 * code {@link DiagnosticCodes#SCHEMA_VALIDATION_FAILED}, as AWS reports them.
 *
 * <p>Rules that need more than the shape of the document (Next/End, mutually exclusive fields,
 * JSONPath-only vs JSONata-only fields, transition targets, path and expression syntax, state
 * names) are left to the semantic checks, so each problem is reported once.
 *
 * <p>Instances are immutable and thread-safe; {@link #shared()} returns one loaded at first use.
 */
public final class SchemaCheck {
  /** Classpath location of the schema, packaged by the {@code schemas} module. */
  public static final String SCHEMA_RESOURCE = "dev/statecraft/schemas/asl.schema.json";

  private final Schema schema;
  private final SchemaMessages messages;

  private SchemaCheck(JsonNode schemaNode) {
    this.schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaNode);
    // Compile every $ref now: the first check() would otherwise do it lazily, and a broken
    // schema should fail at load time, not on some user's definition.
    this.schema.initializeValidators();
    this.messages = new SchemaMessages(schemaNode);
  }

  /** The instance shared by the whole process, loaded from the classpath on first use. */
  public static SchemaCheck shared() {
    return Holder.INSTANCE;
  }

  /** Lazy, thread-safe initialisation without locking (the holder-class idiom). */
  private static final class Holder {
    static final SchemaCheck INSTANCE = new SchemaCheck(loadSchema());
  }

  private static JsonNode loadSchema() {
    ClassLoader loader = SchemaCheck.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("ASL schema not on the classpath: " + SCHEMA_RESOURCE);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the ASL schema " + SCHEMA_RESOURCE, e);
    }
  }

  /**
   * Validates a parsed definition against the schema.
   *
   * @param definition the whole state machine definition (JSON or YAML, already parsed)
   * @return one ERROR diagnostic per distinct violation, in the validator's order; empty when the
   *     definition is structurally valid
   */
  public List<Diagnostic> check(JsonNode definition) {
    List<com.networknt.schema.Error> errors = schema.validate(definition);
    // The same node can fail the same way through two schema paths (e.g. Iterator and
    // ItemProcessor share one definition); a person needs to read it once.
    Set<Diagnostic> unique = new LinkedHashSet<>();
    for (com.networknt.schema.Error error : errors) {
      unique.add(messages.toDiagnostic(error));
    }
    return List.copyOf(unique);
  }
}
