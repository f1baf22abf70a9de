package io.blogsearch.admin;

import io.blogsearch.crawl.CrawlStore;
import io.blogsearch.crawl.UrlState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The crawl output as the last build read it, kept for the next build while the crawl folder is
 * unchanged — what a push job finds, since it crawls nothing: reading the Handbook's crawl output
 * (34 + 43 MB of JSON) was a third of a push job. "Unchanged" is every file in the folder with the
 * same name, file key (inode), size and modification time, so a save (files replaced), a journal
 * append or any new file reloads. Kept without the per-URL link lists, which builds never read
 * and which are most of {@code state.json}.
 */
final class CrawlOutputCache {
  private List<String> fingerprint;
  private CrawlStore.Stored stored;

  synchronized CrawlStore.Stored load(CrawlStore store) {
    List<String> before = fingerprint(store.dir());
    if (stored != null && before.equals(fingerprint)) {
      return stored;
    }
    CrawlStore.Stored fresh = store.load();
    Map<String, UrlState> state = new TreeMap<>();
    fresh.state().forEach((url, s) -> state.put(url, new UrlState(s.etag(), s.lastModified(), s.canonical(), s.kind(),
        List.of(), s.sitemapLastmod(), s.validatedAt())));
    CrawlStore.Stored slim = new CrawlStore.Stored(Collections.unmodifiableMap(fresh.articles()),
        Collections.unmodifiableMap(state), Collections.unmodifiableSet(fresh.interruptedUrls()));
    boolean steady = before.equals(fingerprint(store.dir())); // not written to while it was read
    fingerprint = steady ? before : null;
    stored = steady ? slim : null;
    return slim;
  }

  private static List<String> fingerprint(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        BasicFileAttributes a;
        try {
          a = Files.readAttributes(f, BasicFileAttributes.class);
        } catch (java.nio.file.NoSuchFileException replacedMeanwhile) {
          out.add(f.getFileName() + " gone");
          continue;
        }
        out.add(f.getFileName() + " " + a.fileKey() + " " + a.size() + " " + a.lastModifiedTime().toInstant());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return out;
  }
}
