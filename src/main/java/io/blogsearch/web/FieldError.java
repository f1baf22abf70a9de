package io.blogsearch.web;

/** A request body field that is missing or invalid: a 400 whose JSON names the field. */
final class FieldError extends RuntimeException {
  final String field;

  /** @param field the field's path, e.g. {@code posts[3].published}; the message reads "field: why" */
  FieldError(String field, String why) {
    super(field + ": " + why);
    this.field = field;
  }
}
