package io.blogsearch.related;

import io.blogsearch.extract.Article;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.IndexSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * The related stage's façade: computes every post's related list at index time from the index
 * just built. For each post: a MoreLikeThis query over title, body, tags and categories
 * ({@link PostScorer}), candidates scored relative to the post's own match, blended with shared
 * tags/categories and the site's own related links, then exclusions, near-duplicate removal,
 * threshold and pins; a list that ends up empty falls back to recent posts sharing tags or
 * categories. After a recrawl only the lists that can change are recomputed.
 */
public final class RelatedEngine {
  public static final int MAX_ITEMS = 20;
  private static final String OPTIONS_KEY = "__options__";
  private static final String VECTORS_KEY = "__vectors__";

  private final RelatedOptions options;
  private final Analyzer analyzer;
  private final Set<String> stopWords;

  public RelatedEngine(RelatedOptions options, BlogAnalyzers.Stemmer stemmer) {
    this.options = options;
    this.analyzer = BlogAnalyzers.index(stemmer);
    this.stopWords = BlogAnalyzers.similarityStopWords(stemmer);
  }

  /**
   * Whether {@code previous} is what {@link #compute} would return for unchanged posts: computed
   * with these options, for exactly the posts {@code urls}. (Its non-post URLs, which only word
   * the answer for a page that is not a post, are refreshed with the next change of posts.)
   */
  public boolean upToDate(RelatedSet previous, Set<String> urls) {
    return optionsFingerprint().equals(previous.fingerprints().get(OPTIONS_KEY)) && previous.lists().keySet().equals(urls);
  }

  /** The options as text in an order that never changes: pins sorted (a Map.copyOf iterates in a per-JVM order). */
  private String optionsFingerprint() {
    String rules = options.rules().toString();
    String sortedRules = rules.replace(String.valueOf(options.rules().pins()),
        String.valueOf(new java.util.TreeMap<>(options.rules().pins())));
    return fingerprint(options.toString().replace(rules, sortedRules));
  }

  /**
   * Computes the lists for {@code articles}, whose index is in {@code indexDir}.
   *
   * @param previous the last computation (lists whose inputs did not change are kept), or empty
   * @param nonPosts URLs known not to be posts, kept for clear 404s
   */
  public RelatedSet compute(Collection<Article> articles, java.nio.file.Path indexDir, RelatedSet previous,
      List<String> nonPosts) {
    long t0 = System.nanoTime();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Map<String, PostScorer.Post> posts = new LinkedHashMap<>();
      Map<String, String> fingerprints = new HashMap<>();
      for (Article a : articles) {
        TopDocs td = searcher.search(new TermQuery(new Term(IndexSchema.URL, a.url())), 1);
        if (td.scoreDocs.length == 1) {
          posts.put(a.url(), new PostScorer.Post(a, td.scoreDocs[0].doc));
          fingerprints.put(a.url(), fingerprint(a));
        }
      }
      fingerprints.put(OPTIONS_KEY, optionsFingerprint());
      PostNeighbours neighbours = options.semanticWeight() > 0 ? PostNeighbours.read(searcher) : PostNeighbours.NONE;
      fingerprints.put(VECTORS_KEY, vectorsId(reader, neighbours));
      PostScorer scorer = new PostScorer(options, analyzer, stopWords, searcher, posts, neighbours);
      Map<String, RelatedList> lists = new ConcurrentHashMap<>();
      Set<String> changed = changed(posts, fingerprints, previous);
      Set<String> todo = toRecompute(posts, changed, previous);
      computeAll(todo, scorer, lists);
      // A changed post now recommending P suggests P's list may now include it: recompute those too.
      // (Only changed posts: a list recomputed because it showed a changed post says nothing new about its items.)
      // Likewise its nearest neighbours by vector, which find it among their kNN candidates.
      Set<String> echoes = new LinkedHashSet<>();
      Map<Integer, String> urlByDoc = new HashMap<>();
      posts.forEach((u, p) -> urlByDoc.put(p.doc(), u));
      for (String u : todo) {
        if (changed.contains(u)) {
          lists.get(u).items().forEach(i -> echoes.add(i.url()));
          for (int d : neighbours.nearest(posts.get(u).doc(), PostScorer.CANDIDATES).keySet()) {
            echoes.add(urlByDoc.get(d));
          }
        }
      }
      echoes.remove(null);
      echoes.removeAll(todo);
      echoes.retainAll(posts.keySet());
      if (todo.size() < posts.size()) {
        computeAll(echoes, scorer, lists);
      } else {
        echoes.clear();
      }
      for (String u : posts.keySet()) {
        lists.computeIfAbsent(u, k -> previous.lists().get(k));
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      return new RelatedSet(lists, fingerprints, nonPosts, ms, todo.size() + echoes.size());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compute related posts from " + indexDir, e);
    }
  }

  /**
   * What the lists' vectors are: the embedder the index records, or "none" when no post has a
   * vector or the options ignore them. (A set saved before vectors existed counts as "none".)
   */
  private static String vectorsId(DirectoryReader reader, PostNeighbours neighbours) throws IOException {
    return neighbours.isEmpty() ? "none" : reader.getIndexCommit().getUserData().getOrDefault("embedder", "unknown");
  }

  /** New and changed posts, and deleted ones; every post when the options or the vectors changed. */
  private static Set<String> changed(Map<String, PostScorer.Post> posts, Map<String, String> fingerprints,
      RelatedSet previous) {
    if (!fingerprints.get(OPTIONS_KEY).equals(previous.fingerprints().get(OPTIONS_KEY))
        || !fingerprints.get(VECTORS_KEY).equals(previous.fingerprints().getOrDefault(VECTORS_KEY, "none"))) {
      return new HashSet<>(posts.keySet());
    }
    Set<String> changed = new HashSet<>();
    for (String u : posts.keySet()) {
      if (!fingerprints.get(u).equals(previous.fingerprints().get(u)) || !previous.lists().containsKey(u)) {
        changed.add(u);
      }
    }
    for (String u : previous.lists().keySet()) {
      if (!posts.containsKey(u)) {
        changed.add(u);
      }
    }
    return changed;
  }

  /** Changed and new posts, and every post whose current list shows a changed or deleted post. */
  private static Set<String> toRecompute(Map<String, PostScorer.Post> posts, Set<String> changed, RelatedSet previous) {
    Set<String> todo = new LinkedHashSet<>();
    for (String u : posts.keySet()) {
      RelatedList old = previous.lists().get(u);
      if (changed.contains(u) || old != null && old.items().stream().anyMatch(i -> changed.contains(i.url()))) {
        todo.add(u);
      }
    }
    return todo;
  }

  private static void computeAll(Set<String> urls, PostScorer scorer, Map<String, RelatedList> lists) {
    ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    try {
      pool.submit(() -> new ArrayList<>(urls).parallelStream().forEach(u -> lists.put(u, scorer.relatedTo(u)))).join();
    } finally {
      pool.shutdown();
    }
  }

  private static String fingerprint(Article a) {
    return fingerprint(String.join("\u0000", a.title(), a.body(), a.excerpt(), String.valueOf(a.published()),
        String.join(",", a.tags()), String.join(",", a.categories()), a.relatedLinks().toString()));
  }

  private static String fingerprint(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
