package io.blogsearch.index;

import io.blogsearch.extract.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The index stage's façade: turns crawled posts into a Lucene index on disk, either whole
 * ({@link #rebuild}) or as a copy of an existing index with only the changed posts rewritten
 * ({@link #update}). Either way all writes go through one {@link IndexWriter} and become
 * visible with a single commit, so readers see the old index or the new one, never a mix. Each
 * index keeps its posts' {@link PostHashes} beside it for the next update.
 */
public final class Indexer {
  /**
   * What a build produced.
   *
   * @param documents posts in the index
   * @param written posts (re)analysed and written by this build: all of them for a rebuild
   */
  public record Stats(int documents, int written, long millis, long bytes, Path directory) {}

  /** What posts are embedded with: {@link #NO_VECTORS} for none. */
  public interface Vectors {
    /** Names the model; an index built with another id is never updated in place. */
    String modelId();

    /** The vectors of {@code articles} by URL. */
    Map<String, float[]> of(Collection<Article> articles);

    /** Told, once a build is published, which posts the index now holds: what was computed for others may go. */
    default void retainOnly(Collection<Article> live) {}
  }

  /** Keyword-only: no post gets a vector. */
  public static final Vectors NO_VECTORS = new Vectors() {
    @Override
    public String modelId() {
      return "none";
    }

    @Override
    public Map<String, float[]> of(Collection<Article> articles) {
      return Map.of();
    }
  };

  private final BlogAnalyzers.Stemmer stemmer;
  private final Vectors vectors;
  private final VectorFormat format;

  public Indexer(BlogAnalyzers.Stemmer stemmer) {
    this(stemmer, NO_VECTORS);
  }

  public Indexer(BlogAnalyzers.Stemmer stemmer, Vectors vectors) {
    this(stemmer, vectors, VectorFormat.DEFAULT);
  }

  /** @param format how the vectors are stored (benchmarks compare them) */
  public Indexer(BlogAnalyzers.Stemmer stemmer, Vectors vectors, VectorFormat format) {
    this.stemmer = stemmer;
    this.vectors = vectors;
    this.format = format;
  }

  /** Replaces whatever index is in {@code dir} with one holding exactly {@code articles}. */
  public Stats rebuild(Collection<Article> articles, Path dir) {
    return rebuild(articles, PostHashes.of(articles), dir);
  }

  /** As {@link #rebuild(Collection, Path)}, with the posts' hashes already computed. */
  public Stats rebuild(Collection<Article> articles, Map<String, String> hashes, Path dir) {
    long t0 = System.nanoTime();
    try {
      Files.createDirectories(dir);
      try (Directory d = FSDirectory.open(dir);
          IndexWriter w = new IndexWriter(d, config(IndexWriterConfig.OpenMode.CREATE))) {
        FacetsConfig facets = IndexSchema.facetsConfig();
        Map<String, float[]> embedded = vectors.of(articles);
        for (Article a : articles) {
          w.addDocument(facets.build(IndexSchema.toDocument(a, embedded.get(a.url()))));
        }
        commit(w, articles.size());
      }
      PostHashes.save(hashes, dir);
      return new Stats(articles.size(), articles.size(), (System.nanoTime() - t0) / 1_000_000, sizeOf(dir), dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the index in " + dir, e);
    }
  }

  /**
   * Whether {@link #update} can start from the index in {@code dir}: it records this build's
   * layout and stemmer, and the hashes of its posts.
   */
  public boolean canUpdateFrom(Path dir) {
    if (!Files.exists(dir.resolve(PostHashes.FILE))) {
      return false;
    }
    try (Directory d = FSDirectory.open(dir)) {
      Map<String, String> data = SegmentInfos.readLatestCommit(d).getUserData();
      return IndexSchema.VERSION.equals(data.get("schema")) && stemmer.name().equals(data.get("stemmer"))
          && vectors.modelId().equals(data.getOrDefault("embedder", NO_VECTORS.modelId()));
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Writes into the empty folder {@code dir} a copy of the index in {@code from} with
   * {@code delta} applied. The copy's files are hard links to {@code from}'s (copies where the file
   * system cannot link); Lucene never rewrites a file it has written, so new segments, deletions
   * and the new commit go to new files and {@code from} stays exactly as it was.
   *
   * @param hashes the hashes of every post the updated index holds
   */
  public Stats update(Path from, IndexDelta delta, Map<String, String> hashes, Path dir) {
    long t0 = System.nanoTime();
    try {
      Files.createDirectories(dir);
      IndexFiles.linkCommit(from, dir);
      try (Directory d = FSDirectory.open(dir);
          IndexWriter w = new IndexWriter(d, config(IndexWriterConfig.OpenMode.APPEND))) {
        FacetsConfig facets = IndexSchema.facetsConfig();
        List<Article> written = new ArrayList<>(delta.updated());
        written.addAll(delta.added());
        Map<String, float[]> embedded = vectors.of(written);
        for (String url : delta.deleted()) {
          w.deleteDocuments(new Term(IndexSchema.URL, url));
        }
        for (Article a : delta.updated()) {
          w.updateDocument(new Term(IndexSchema.URL, a.url()), facets.build(IndexSchema.toDocument(a, embedded.get(a.url()))));
        }
        for (Article a : delta.added()) {
          // updateDocument, not add: a post may already be there under its URL if hashes and index ever disagree
          w.updateDocument(new Term(IndexSchema.URL, a.url()), facets.build(IndexSchema.toDocument(a, embedded.get(a.url()))));
        }
        commit(w, hashes.size());
      }
      PostHashes.save(hashes, dir);
      return new Stats(hashes.size(), delta.written(), (System.nanoTime() - t0) / 1_000_000, sizeOf(dir), dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update the index from " + from + " in " + dir, e);
    }
  }

  private IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
    return new IndexWriterConfig(IndexSchema.indexAnalyzer(stemmer))
        .setOpenMode(mode)
        .setCodec(format.codec())
        .setRAMBufferSizeMB(64)
        .setCommitOnClose(false);
  }

  private void commit(IndexWriter w, int documents) throws IOException {
    w.setLiveCommitData(Map.of(
        "schema", IndexSchema.VERSION,
        "stemmer", stemmer.name(),
        "embedder", vectors.modelId(),
        "builtAt", Instant.now().toString(),
        "documents", String.valueOf(documents)).entrySet());
    w.commit();
  }

  /** Bytes of the files directly in {@code dir}. */
  public static long sizeOf(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
