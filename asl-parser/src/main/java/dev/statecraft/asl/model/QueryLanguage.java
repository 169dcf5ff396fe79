package dev.statecraft.asl.model;

/** The query language a state's fields are written in. */
public enum QueryLanguage {
  JSONPATH("JSONPath"),
  JSONATA("JSONata");

  private final String aslName;

  QueryLanguage(String aslName) {
    this.aslName = aslName;
  }

  /** The spelling used in definitions. */
  public String aslName() {
    return aslName;
  }

  /** Parses the ASL spelling; null when unknown. */
  public static QueryLanguage fromAsl(String s) {
    for (QueryLanguage q : values()) {
      if (q.aslName.equals(s)) {
        return q;
      }
    }
    return null;
  }
}
