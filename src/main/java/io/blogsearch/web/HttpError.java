package io.blogsearch.web;

/** An error answer decided before a handler runs (401, 429…), rendered as {@code {error, message}}. */
final class HttpError extends RuntimeException {
  final int status;
  final String code;

  HttpError(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}
