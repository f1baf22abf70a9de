package io.blogsearch.encoder;

/** The embedding model could not be loaded here: a missing resource or native library, an unsupported CPU. */
public final class ModelUnavailableException extends RuntimeException {
  public ModelUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
