package io.blogsearch.index;

import io.blogsearch.extract.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The index stage's façade: turns crawled posts into a Lucene index on disk. A build writes all
 * documents through one {@link IndexWriter} (batched in its RAM buffer) and makes them visible
 * with a single commit, so readers see the old index or the new one, never a mix.
 */
public final class Indexer {
  /** What a build produced. */
  public record Stats(int documents, long millis, long bytes, Path directory) {}

  private final BlogAnalyzers.Stemmer stemmer;

  public Indexer(BlogAnalyzers.Stemmer stemmer) {
    this.stemmer = stemmer;
  }

  /** Replaces whatever index is in {@code dir} with one holding exactly {@code articles}. */
  public Stats rebuild(Collection<Article> articles, Path dir) {
    long t0 = System.nanoTime();
    FacetsConfig facets = IndexSchema.facetsConfig();
    IndexWriterConfig cfg = new IndexWriterConfig(IndexSchema.indexAnalyzer(stemmer))
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setRAMBufferSizeMB(64)
        .setCommitOnClose(false);
    try {
      Files.createDirectories(dir);
      try (Directory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, cfg)) {
        for (Article a : articles) {
          w.addDocument(facets.build(IndexSchema.toDocument(a)));
        }
        w.setLiveCommitData(Map.of(
            "schema", IndexSchema.VERSION,
            "stemmer", stemmer.name(),
            "builtAt", Instant.now().toString(),
            "documents", String.valueOf(articles.size())).entrySet());
        w.commit();
      }
      return new Stats(articles.size(), (System.nanoTime() - t0) / 1_000_000, sizeOf(dir), dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the index in " + dir, e);
    }
  }

  static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
