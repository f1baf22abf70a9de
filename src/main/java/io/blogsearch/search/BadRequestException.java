package io.blogsearch.search;

/** A visitor's request that cannot be answered as asked; the web layer turns it into a 400. */
public final class BadRequestException extends RuntimeException {
  public BadRequestException(String message) {
    super(message);
  }
}
