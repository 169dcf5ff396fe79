package dev.statecraft.asl.validate;

/**
 * The diagnostic codes we emit. The first group are AWS's ValidateStateMachineDefinition codes;
 * the rest are ours, for problems AWS reports under a generic code or not at all.
 */
public final class DiagnosticCodes {
  private DiagnosticCodes() {}

  // AWS ValidateStateMachineDefinitionDiagnostic codes (warnings first).
  public static final String NO_DOLLAR = "NO_DOLLAR";
  public static final String NO_PATH = "NO_PATH";
  public static final String PASS_RESULT_IS_STATIC = "PASS_RESULT_IS_STATIC";
  public static final String MISSING_DESCRIPTION = "MISSING_DESCRIPTION";
  public static final String INVALID_JSON_DESCRIPTION = "INVALID_JSON_DESCRIPTION";
  public static final String SCHEMA_VALIDATION_FAILED = "SCHEMA_VALIDATION_FAILED";
  public static final String MISSING_TRANSITION_TARGET = "MISSING_TRANSITION_TARGET";
  public static final String MISSING_END_STATE = "MISSING_END_STATE";
  public static final String DUPLICATE_STATE_NAME = "DUPLICATE_STATE_NAME";
  public static final String UNREACHABLE_STATE = "UNREACHABLE_STATE";
  public static final String INVALID_JSONATA_EXPRESSION = "INVALID_JSONATA_EXPRESSION";
  public static final String UNSUPPORTED_JSONATA_EXPRESSION = "UNSUPPORTED_JSONATA_EXPRESSION";
  public static final String INVALID_JSON_PATH = "INVALID_JSON_PATH";
  public static final String INVALID_REFERENCE_PATH = "INVALID_REFERENCE_PATH";
  public static final String INVALID_INTRINSIC_FUNCTION = "INVALID_INTRINSIC_FUNCTION";
  public static final String INVALID_TIMESTAMP = "INVALID_TIMESTAMP";
  public static final String INVALID_STATE_NAME = "INVALID_STATE_NAME";
  public static final String INVALID_ERROR_EQUALS = "INVALID_ERROR_EQUALS";
  public static final String INVALID_FIELD_COMBINATION = "INVALID_FIELD_COMBINATION";
  public static final String INVALID_QUERY_LANGUAGE_FIELD = "INVALID_QUERY_LANGUAGE_FIELD";
  public static final String INVALID_VALUE = "INVALID_VALUE";
  public static final String INVALID_RESOURCE = "INVALID_RESOURCE";
  public static final String INVALID_REGEX = "INVALID_REGEX";
  public static final String INVALID_VARIABLE_NAME = "INVALID_VARIABLE_NAME";
  public static final String DEFINITION_TOO_LARGE = "DEFINITION_TOO_LARGE";
  public static final String NESTING_TOO_DEEP = "NESTING_TOO_DEEP";
  public static final String DUPLICATE_KEY = "DUPLICATE_KEY";
}
