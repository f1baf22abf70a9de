package io.blogsearch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Pages fetched into memory before a benchmark times work on them (parsing, extraction). */
public final class Pages {
  private Pages() {}

  /** The HTML of each URL, in order (UTF-8, one plain GET each). */
  public static List<String> html(List<String> urls) throws IOException {
    List<String> out = new ArrayList<>();
    for (String u : urls) {
      try (InputStream in = URI.create(u).toURL().openStream()) {
        out.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
