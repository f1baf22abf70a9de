package io.blogsearch.crawl;

import java.io.IOException;

/**
 * A connection the crawler refused to make (or to use) because the address is not public and
 * was not permitted. Its message is the report line's reason and starts with {@code "blocked: "}.
 */
public final class BlockedAddressException extends IOException {
  static final String PREFIX = "blocked: ";

  // Public with a message-only constructor: HttpURLConnection re-creates exceptions by reflection.
  public BlockedAddressException(String message) {
    super(message);
  }
}
