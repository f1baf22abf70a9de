package io.blogsearch.config;

/**
 * A site configuration that cannot be used, naming the offending field so an admin can fix it
 * without reading code. The CLI turns it into one line on stderr and exit code 2.
 */
public final class ConfigException extends RuntimeException {
  private final String field;
  private final String reason;

  public ConfigException(String field, String message) {
    super(field.isEmpty() ? message : "field '" + field + "': " + message);
    this.field = field;
    this.reason = message;
  }

  /** What is wrong with the field, without its name. */
  public String reason() {
    return reason;
  }

  /** Dotted path of the offending field, e.g. {@code limits.maxPages}; empty for whole-file errors. */
  public String field() {
    return field;
  }
}
