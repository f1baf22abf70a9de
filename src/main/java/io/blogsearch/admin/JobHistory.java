package io.blogsearch.admin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** The last {@link #KEEP} finished jobs, newest first, in {@code jobs.json} beside the site's data. */
final class JobHistory {
  static final int KEEP = 50;
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path file;
  private final List<JobStatus> jobs = new ArrayList<>();

  JobHistory(Path siteDir) {
    this.file = siteDir.resolve("jobs.json");
    if (Files.exists(file)) {
      try {
        jobs.addAll(JSON.readValue(file.toFile(), new TypeReference<List<JobStatus>>() {}));
      } catch (IOException e) {
        // an unreadable history is not worth refusing to start over; it is rewritten on the next job
      }
    }
  }

  synchronized List<JobStatus> all() {
    return List.copyOf(jobs);
  }

  synchronized void add(JobStatus finished) {
    jobs.removeIf(j -> j.id().equals(finished.id()));
    jobs.add(0, finished);
    while (jobs.size() > KEEP) {
      jobs.remove(jobs.size() - 1);
    }
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling("jobs.json.tmp");
      try {
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), jobs);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        Files.deleteIfExists(tmp); // a full disk must not leave half a file behind
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The next job number: one more than any in the history. */
  synchronized long nextNumber() {
    return jobs.stream().mapToLong(j -> Long.parseLong(j.id().substring(4))).max().orElse(0) + 1;
  }
}
