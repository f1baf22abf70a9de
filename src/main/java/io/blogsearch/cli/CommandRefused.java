package io.blogsearch.cli;

/**
 * A command that refuses to run as asked and says why and what to do instead (another writer
 * holds the data folder, the index would shrink): exit 2, one line, nothing changed.
 */
final class CommandRefused extends RuntimeException {
  CommandRefused(String message) {
    super(message);
  }
}
