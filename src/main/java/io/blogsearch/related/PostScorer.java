package io.blogsearch.related;

import io.blogsearch.extract.Article;
import io.blogsearch.index.IndexSchema;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/** Scores one post's candidates and assembles its list; see {@link RelatedEngine} for the steps. */
final class PostScorer {
  /** Candidates per source from each of MoreLikeThis and kNN. */
  static final int CANDIDATES = 60;
  private static final int REASON_TERMS = 3;

  /**
   * A post with its Lucene doc id and text fingerprint. The fingerprint is computed when first
   * needed: an incremental build recomputes a few lists and so compares only a few posts.
   */
  static final class Post {
    private final Article article;
    private final int doc;
    private long simhash;
    private volatile boolean hashed;
    private long wordsHash;
    private volatile boolean wordsHashed;

    Post(Article article, int doc) {
      this.article = article;
      this.doc = doc;
    }

    Article article() {
      return article;
    }

    int doc() {
      return doc;
    }

    /** Hash of the body's words (computed at most a few times when threads race, always the same value). */
    long wordsHash() {
      if (!wordsHashed) {
        wordsHash = SimHash.wordsHash(article.body());
        wordsHashed = true;
      }
      return wordsHash;
    }

    /** SimHash of the body (computed at most a few times when threads race, always the same value). */
    long simhash() {
      if (!hashed) {
        simhash = SimHash.of(article.body());
        hashed = true;
      }
      return simhash;
    }
  }

  private record Scored(Post post, double score, double content, List<String> reasons) {}

  private final RelatedOptions options;
  private final Analyzer analyzer;
  private final IndexSearcher searcher;
  private final Map<String, Post> posts;
  private final Map<Integer, Post> byDoc = new HashMap<>();
  private final Map<String, Set<String>> linkedFrom = new HashMap<>();
  private final Set<String> excludedCategories = new HashSet<>();
  private final Set<String> stopWords;
  private final PostNeighbours neighbours;

  PostScorer(RelatedOptions options, Analyzer analyzer, Set<String> stopWords, IndexSearcher searcher,
      Map<String, Post> posts, PostNeighbours neighbours) {
    this.options = options;
    this.neighbours = neighbours;
    this.stopWords = stopWords;
    this.analyzer = analyzer;
    this.searcher = searcher;
    this.posts = posts;
    posts.values().forEach(p -> byDoc.put(p.doc(), p));
    for (Post p : posts.values()) {
      for (Article.RelatedLink l : p.article().relatedLinks()) {
        linkedFrom.computeIfAbsent(l.url(), k -> new HashSet<>()).add(p.article().url());
      }
    }
    options.rules().excludeCategories().forEach(c -> excludedCategories.add(c.toLowerCase(Locale.ROOT)));
  }

  RelatedList relatedTo(String url) {
    try {
      return compute(posts.get(url));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private RelatedList compute(Post source) throws IOException {
    Article a = source.article();
    List<TermQuery> terms = new ArrayList<>();
    Query query = mltQuery(a, terms);
    List<Integer> linkedDocs = new ArrayList<>();
    if (options.useSiteLinks()) {
      Set<String> linked = new java.util.TreeSet<>();
      a.relatedLinks().forEach(l -> linked.add(l.url()));
      linked.addAll(linkedFrom.getOrDefault(a.url(), Set.of()));
      linked.stream().map(posts::get).filter(p -> p != null && p != source).forEach(p -> linkedDocs.add(p.doc()));
    }
    Candidates candidates = Candidates.gather(searcher, query, source.doc(), neighbours, options, CANDIDATES, linkedDocs);
    List<Scored> scored = new ArrayList<>();
    for (Candidates.Candidate cand : candidates.all()) {
      Post c = byDoc.get(cand.doc());
      if (c != null && allowed(source, c)) {
        Scored s = score(source, c, candidates.content(cand));
        if (Candidates.similarTopic(cand)) {
          s.reasons().add(String.format(Locale.ROOT, "similar topic (%.2f)", cand.cosine()));
        }
        scored.add(s);
      }
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.post().article().url()));
    List<RelatedItem> items = new ArrayList<>();
    List<Post> chosen = new ArrayList<>();
    for (String pin : options.rules().pins().getOrDefault(a.url(), List.of())) {
      Post p = posts.get(pin);
      if (p != null && p != source && !chosen.contains(p)) {
        chosen.add(p);
        items.add(item(p, 1.0, List.of("pinned by the editor")));
      }
    }
    Map<String, String> surface = surfaceWords(a);
    for (Scored s : scored) {
      if (items.size() >= RelatedEngine.MAX_ITEMS || s.score() < options.rules().threshold()) {
        break;
      }
      if (chosen.contains(s.post()) || chosen.stream().anyMatch(c -> nearDuplicate(c, s.post()))) {
        continue;
      }
      chosen.add(s.post());
      List<String> reasons = new ArrayList<>(s.reasons());
      List<String> shared = sharedTerms(terms, s.post().doc(), surface);
      if (!shared.isEmpty()) {
        reasons.add("similar words: " + String.join(", ", shared));
      }
      items.add(item(s.post(), round(s.score()), reasons));
    }
    if (items.isEmpty()) {
      return new RelatedList(fallback(source), true);
    }
    return new RelatedList(items, false);
  }

  /** MoreLikeThis over the four fields, each clause re-weighted by its field's weight. */
  private Query mltQuery(Article a, List<TermQuery> termsByBoost) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(new String[] {IndexSchema.TITLE, IndexSchema.BODY, IndexSchema.TAG, IndexSchema.CATEGORY});
    mlt.setMinTermFreq(options.minTermFreq());
    mlt.setMinDocFreq(options.minDocFreq());
    mlt.setMaxQueryTerms(options.maxQueryTerms());
    mlt.setMinWordLen(3);
    mlt.setStopWords(stopWords);
    mlt.setBoost(true);
    Map<String, Collection<Object>> fields = new LinkedHashMap<>();
    fields.put(IndexSchema.TITLE, List.of(a.title()));
    fields.put(IndexSchema.BODY, List.of(a.body()));
    fields.put(IndexSchema.TAG, new ArrayList<>(a.tags()));
    fields.put(IndexSchema.CATEGORY, new ArrayList<>(a.categories()));
    Query mltQuery = mlt.like(fields);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    List<BoostQuery> clauses = new ArrayList<>();
    if (mltQuery instanceof BooleanQuery bq) {
      for (BooleanClause c : bq.clauses()) {
        if (c.getQuery() instanceof BoostQuery boost && boost.getQuery() instanceof TermQuery tq) {
          BoostQuery weighted = new BoostQuery(tq, boost.getBoost() * fieldWeight(tq.getTerm().field()));
          clauses.add(weighted);
          b.add(weighted, BooleanClause.Occur.SHOULD);
        } else {
          b.add(c);
        }
      }
    }
    clauses.sort(Comparator.comparingDouble(BoostQuery::getBoost).reversed());
    clauses.forEach(c -> termsByBoost.add((TermQuery) c.getQuery()));
    return b.build();
  }

  private float fieldWeight(String field) {
    return switch (field) {
      case IndexSchema.TITLE -> options.titleWeight();
      case IndexSchema.TAG -> options.tagWeight();
      case IndexSchema.CATEGORY -> options.categoryWeight();
      default -> options.bodyWeight();
    };
  }

  private Scored score(Post source, Post c, double content) {
    Article a = source.article();
    Article b = c.article();
    List<String> reasons = new ArrayList<>();
    List<String> sharedTags = shared(a.tags(), b.tags());
    List<String> sharedCats = shared(a.categories(), b.categories());
    double total = options.contentShare();
    double sum = options.contentShare() * content;
    if (!a.tags().isEmpty()) {
      total += options.tagShare();
      sum += options.tagShare() * sharedTags.size() / a.tags().size();
    }
    if (!a.categories().isEmpty()) {
      total += options.categoryShare();
      sum += options.categoryShare() * sharedCats.size() / a.categories().size();
    }
    double score = sum / total;
    if (!sharedTags.isEmpty()) {
      reasons.add("shared tags: " + String.join(", ", sharedTags));
    }
    if (!sharedCats.isEmpty()) {
      reasons.add("same category: " + String.join(", ", sharedCats));
    }
    if (options.useSiteLinks()) {
      if (a.relatedLinks().stream().anyMatch(l -> l.url().equals(b.url()))) {
        score += options.linkedBySource();
        reasons.add(0, "listed as similar by this post");
      }
      if (b.relatedLinks().stream().anyMatch(l -> l.url().equals(a.url()))) {
        score += options.linksToSource();
        reasons.add("lists this post as similar");
      }
    }
    return new Scored(c, Math.min(1.0, score), content, reasons);
  }

  private boolean allowed(Post source, Post c) {
    Article a = source.article();
    Article b = c.article();
    if (b.url().equals(a.url()) || nearDuplicate(source, c) || options.rules().excludeUrls().contains(b.url())) {
      return false;
    }
    if (b.categories().stream().anyMatch(cat -> excludedCategories.contains(cat.toLowerCase(Locale.ROOT)))) {
      return false;
    }
    return !options.rules().olderOnly() || a.published() == null || b.published() != null && b.published().isBefore(a.published());
  }

  /**
   * Decided on the body only: two posts may share a title ("Weekly notes") and still be different
   * posts. Long bodies compare by SimHash; short ones have too few shingles for a stable
   * fingerprint, so they must be equal word for word.
   */
  private static boolean nearDuplicate(Post x, Post y) {
    String a = x.article().body();
    String b = y.article().body();
    if (a.length() > SimHash.MIN_CHARS && b.length() > SimHash.MIN_CHARS) {
      return SimHash.nearDuplicate(x.simhash(), y.simhash());
    }
    // the words' hashes first: splitting a long body into words for every short post it meets was the slow part
    return !a.isBlank() && x.wordsHash() == y.wordsHash() && SimHash.sameWords(a, b);
  }

  /** Recent posts sharing the most tags and categories with the source; the newest posts if none do. */
  private List<RelatedItem> fallback(Post source) {
    Article a = source.article();
    List<Post> pool = posts.values().stream().filter(p -> allowed(source, p)).sorted(Comparator
        .comparingInt((Post p) -> -(shared(a.tags(), p.article().tags()).size() + shared(a.categories(), p.article().categories()).size()))
        .thenComparing(p -> p.article().published() == null ? java.time.Instant.EPOCH : p.article().published(), Comparator.reverseOrder()))
        .limit(RelatedEngine.MAX_ITEMS).toList();
    List<RelatedItem> out = new ArrayList<>();
    for (Post p : pool) {
      List<String> tags = shared(a.tags(), p.article().tags());
      List<String> cats = shared(a.categories(), p.article().categories());
      String reason = !tags.isEmpty() ? "recent post sharing tags: " + String.join(", ", tags)
          : !cats.isEmpty() ? "recent post in the same category: " + String.join(", ", cats) : "recent post";
      out.add(item(p, 0, List.of(reason)));
    }
    return out;
  }

  private List<String> sharedTerms(List<TermQuery> terms, int doc, Map<String, String> surface) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
    Set<String> out = new java.util.LinkedHashSet<>();
    for (TermQuery tq : terms) {
      Term t = tq.getTerm();
      if (!t.field().equals(IndexSchema.BODY) && !t.field().equals(IndexSchema.TITLE)) {
        continue;
      }
      PostingsEnum pe = leaf.reader().postings(t, PostingsEnum.NONE);
      if (pe != null && pe.advance(doc - leaf.docBase) == doc - leaf.docBase) {
        out.add(surface.getOrDefault(t.text(), t.text()));
        if (out.size() == REASON_TERMS) {
          break;
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** Stem → the first word in the post that produced it, so reasons read as words, not stems. */
  private Map<String, String> surfaceWords(Article a) throws IOException {
    Map<String, String> out = new HashMap<>();
    String text = a.title() + "\n" + (a.body().length() > 20_000 ? a.body().substring(0, 20_000) : a.body());
    try (TokenStream ts = analyzer.tokenStream(IndexSchema.BODY, new StringReader(text))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.putIfAbsent(term.toString(), text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT));
      }
      ts.end();
    }
    return out;
  }

  private static List<String> shared(List<String> a, List<String> b) {
    Set<String> lower = new HashSet<>();
    b.forEach(x -> lower.add(x.toLowerCase(Locale.ROOT)));
    return a.stream().filter(x -> lower.contains(x.toLowerCase(Locale.ROOT))).toList();
  }

  private static RelatedItem item(Post p, double score, List<String> reasons) {
    Article a = p.article();
    return new RelatedItem(a.url(), a.title(), a.excerpt(), a.published(), score, reasons);
  }

  private static double round(double score) {
    return Math.round(score * 1000) / 1000.0;
  }
}
