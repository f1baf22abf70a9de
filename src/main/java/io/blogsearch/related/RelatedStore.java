package io.blogsearch.related;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes the related lists as {@code related.json} inside the index folder, so the
 * lists always travel with the index they were computed from. Replaced atomically.
 */
public final class RelatedStore {
  public static final String FILE = "related.json";
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private RelatedStore() {}

  /** The lists saved in {@code indexDir}, or an empty set when there are none. */
  public static RelatedSet load(Path indexDir) {
    Path file = indexDir.resolve(FILE);
    if (!Files.exists(file)) {
      return RelatedSet.empty();
    }
    try {
      return JSON.readValue(file.toFile(), RelatedSet.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public static void save(RelatedSet set, Path indexDir) {
    Path tmp = indexDir.resolve(FILE + ".tmp");
    try {
      JSON.writeValue(tmp.toFile(), set);
      Files.move(tmp, indexDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + indexDir.resolve(FILE), e);
    }
  }
}
