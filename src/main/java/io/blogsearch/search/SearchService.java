package io.blogsearch.search;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blogsearch.extract.Article;
import io.blogsearch.extract.PostId;
import io.blogsearch.fusion.ReciprocalRankFusion;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.IndexSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;

/**
 * The embedded Lucene {@link SearchBackend}, the search stage's façade: answers visitor searches, autocomplete and post look-ups from the
 * index on disk. A request runs top to bottom as: parse the visitor syntax → build the Lucene
 * query (none, with a message, when no searchable word is left) → search with facets
 * ({@link FacetedSearch}) by keyword, or by meaning too ({@link HybridSearch}) → relax the
 * keyword side to "any word" if nothing matched every word → snippets for the page → "did you
 * mean" when the keyword side finds few posts.
 */
public final class SearchService implements SearchBackend {
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private static final int FEW_HITS = 3;
  /** What a hit shows: its comments and the body beyond the snippet window are never decoded. */
  private static final Set<String> HIT_FIELDS = Set.of(IndexSchema.URL, IndexSchema.TITLE, IndexSchema.BODY, IndexSchema.EXCERPT,
      IndexSchema.AUTHOR, IndexSchema.PUBLISHED, IndexSchema.CATEGORY, IndexSchema.TAG);

  private final IndexSnapshot.Manager snapshots;
  private final SearchOptions options;
  private final VisitorQueryParser parser = new VisitorQueryParser();
  private final QueryFactory queries;
  private final BM25Similarity similarity;
  private final Snippets snippets;
  private final SpellingCorrector speller = new SpellingCorrector();

  private final SemanticSettings semantic;
  private final ReciprocalRankFusion fusion;

  private SearchService(DirectoryReader reader, SearchOptions options, SemanticSettings semantic) {
    this.options = options;
    this.semantic = semantic;
    this.fusion = new ReciprocalRankFusion(semantic.rrfK());
    this.snapshots = new IndexSnapshot.Manager(reader);
    Analyzer queryAnalyzer = BlogAnalyzers.query(options.stemmer(), options.synonyms());
    this.queries = new QueryFactory(queryAnalyzer, options.weights());
    this.similarity = new BM25Similarity(options.k1(), options.b());
    this.snippets = new Snippets(BlogAnalyzers.index(options.stemmer()));
  }

  /** Opens the index in {@code indexDir} (built by {@link io.blogsearch.index.Indexer}) for keyword search only. */
  public static SearchService open(Path indexDir, SearchOptions options) {
    return open(indexDir, options, SemanticSettings.keywordOnly());
  }

  /**
   * Opens the index in {@code indexDir} for keyword, hybrid and semantic search. Without query
   * vectors in {@code semantic}, or when the index holds no vectors of their model, every search
   * runs by keyword (and says so when another mode was asked for).
   */
  public static SearchService open(Path indexDir, SearchOptions options, SemanticSettings semantic) {
    try {
      return new SearchService(DirectoryReader.open(FSDirectory.open(indexDir)), options, semantic);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the index in " + indexDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * A service over an index with no posts yet: a site whose first crawl has not published
   * anything answers empty results instead of failing.
   */
  public static SearchService empty(SearchOptions options) {
    try {
      org.apache.lucene.store.Directory dir = new org.apache.lucene.store.ByteBuffersDirectory();
      try (org.apache.lucene.index.IndexWriter w = new org.apache.lucene.index.IndexWriter(dir,
          new org.apache.lucene.index.IndexWriterConfig())) {
        w.commit();
      }
      return new SearchService(DirectoryReader.open(dir), options, SemanticSettings.keywordOnly());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create an empty index", e);
    }
  }

  @Override
  public SearchResponse search(SearchRequest req) {
    long t0 = System.nanoTime();
    ParsedQuery parsed = parser.parse(req.q());
    SearchMode requested = req.mode() == null ? semantic.defaultMode() : req.mode();
    IndexSnapshot snap = acquire();
    try {
      IndexSearcher searcher = newSearcher(snap);
      FacetedSearch faceted = new FacetedSearch(searcher, snap.facets, req);
      if (!parsed.isEmpty() && !queries.searchable(parsed)) {
        FacetedSearch.Result none = faceted.run(new MatchNoDocsQuery(), false);
        return new SearchResponse(0, (System.nanoTime() - t0) / 1_000_000, List.of(), none.facets(), null, false, false,
            SearchResponse.NO_SEARCHABLE_WORDS, requested.id(), null);
      }
      // Browsing lists posts by date whatever the mode.
      String fallback = parsed.isEmpty() || requested == SearchMode.KEYWORD ? null : whyKeywordOnly(snap, parsed);
      SearchMode mode = parsed.isEmpty() || fallback != null ? SearchMode.KEYWORD : requested;
      Answer a = mode == SearchMode.KEYWORD ? byKeyword(faceted, parsed, req) : byMeaning(searcher, faceted, parsed, req, mode);
      List<SearchResponse.Hit> hits = hits(searcher, a.highlight(), a.page(), a.scored());
      String didYouMean = null;
      if (a.keywordTotal() < FEW_HITS && !parsed.isEmpty()) {
        didYouMean = didYouMean(snap, req, a.keywordTotal());
      }
      long took = (System.nanoTime() - t0) / 1_000_000;
      return new SearchResponse(a.total(), took, hits, a.facets(), didYouMean, a.relaxed(), searcher.timedOut(), null,
          parsed.isEmpty() ? requested.id() : mode.id(), fallback);
    } catch (IndexSearcher.TooManyClauses e) {
      // The parser's bound counts words as the tokenizer would, closely but not exactly.
      throw new BadRequestException("query has too many terms (at most " + VisitorQueryParser.MAX_TERMS + ")");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      release(snap);
    }
  }

  /**
   * One mode's answer before snippets.
   *
   * @param highlight the query whose words the snippets mark
   * @param keywordTotal posts the keyword side found (what "did you mean" tries to improve)
   */
  private record Answer(long total, ScoreDoc[] page, Map<String, List<SearchResponse.FacetValue>> facets, boolean scored,
      Query highlight, long keywordTotal, boolean relaxed) {}

  /** Every word required; any word when no post has them all. */
  private Answer byKeyword(FacetedSearch faceted, ParsedQuery parsed, SearchRequest req) throws IOException {
    Query query = queries.build(parsed, false);
    FacetedSearch.Result result = faceted.run(withDateRange(query, req), parsed.isEmpty());
    boolean relaxed = false;
    if (result.total() == 0 && queries.requiredClauses(parsed) >= 2) {
      query = queries.build(parsed, true);
      result = faceted.run(withDateRange(query, req), false);
      relaxed = result.total() > 0;
    }
    return new Answer(result.total(), result.page(req.page(), req.size()), result.facets(), result.sortedByScore(),
        query, result.total(), relaxed);
  }

  /** Hybrid or semantic ({@link HybridSearch}); snippets mark any of the query's words, else show the opening. */
  private Answer byMeaning(IndexSearcher searcher, FacetedSearch faceted, ParsedQuery parsed, SearchRequest req,
      SearchMode mode) throws IOException {
    float[] vector = semantic.vectors().of(QueryFactory.meaningText(parsed));
    Query anyWord = queries.build(parsed, true);
    Query relaxedKeyword = queries.requiredClauses(parsed) >= 2 ? withDateRange(anyWord, req) : null;
    HybridSearch.Outcome o = new HybridSearch(searcher, faceted, fusion, semantic.nearest()).run(mode, req,
        withDateRange(queries.build(parsed, false), req), relaxedKeyword, queries.exclusions(parsed), dateRange(req), vector);
    return new Answer(o.result().total(), o.page(req.page(), req.size()), o.result().facets(), o.result().sortedByScore(),
        anyWord, o.keywordTotal(), o.relaxed());
  }

  /** Why a search asked for by meaning runs by keyword, or null when it need not. */
  private String whyKeywordOnly(IndexSnapshot snap, ParsedQuery parsed) {
    if (semantic.vectors() == null) {
      return SearchResponse.NO_MODEL;
    }
    if (!snap.hasVectorsOf(semantic.vectors().modelId())) {
      return SearchResponse.NO_VECTORS;
    }
    return QueryFactory.meaningText(parsed).isBlank() ? SearchResponse.NO_FREE_TEXT : null;
  }

  @Override
  public List<Suggestion> suggest(String prefix, int limit) {
    if (prefix.length() > 100) {
      throw new BadRequestException("autocomplete text is too long (at most 100 characters)");
    }
    IndexSnapshot snap = acquire();
    try {
      return snap.autocomplete.lookup(prefix, limit);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      release(snap);
    }
  }

  @Override
  public Optional<PostView> post(String url) {
    return postWhere(new Term(IndexSchema.URL, url));
  }

  @Override
  public Optional<PostView> postById(String id) {
    return postWhere(new Term(IndexSchema.ID, id));
  }

  private Optional<PostView> postWhere(Term key) {
    IndexSnapshot snap = acquire();
    try {
      IndexSearcher s = new IndexSearcher(snap.reader);
      TopDocs td = s.search(new TermQuery(key), 1);
      if (td.scoreDocs.length == 0) {
        return Optional.empty();
      }
      return Optional.of(postView(s.storedFields().document(td.scoreDocs[0].doc)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      release(snap);
    }
  }

  private static PostView postView(Document d) throws IOException {
    List<Article.RelatedLink> related = JSON.readValue(d.get(IndexSchema.RELATED), new TypeReference<>() {});
    String commentsJson = d.get(IndexSchema.COMMENTS_JSON);
    List<Article.Comment> comments = commentsJson == null ? List.of() : JSON.readValue(commentsJson, new TypeReference<>() {});
    String rest = d.get(IndexSchema.BODY_REST);
    String body = rest == null ? d.get(IndexSchema.BODY) : d.get(IndexSchema.BODY) + rest;
    return new PostView(PostId.of(d.get(IndexSchema.URL)), d.get(IndexSchema.URL), d.get(IndexSchema.TITLE), d.get(IndexSchema.EXCERPT),
        d.get(IndexSchema.AUTHOR), instant(d.getField(IndexSchema.PUBLISHED)), instant(d.getField(IndexSchema.MODIFIED)),
        Arrays.asList(d.getValues(IndexSchema.CATEGORY)), Arrays.asList(d.getValues(IndexSchema.TAG)),
        d.getField(IndexSchema.COMMENT_COUNT).numericValue().intValue(), related, body, comments);
  }

  @Override
  public int documentCount() {
    IndexSnapshot snap = acquire();
    try {
      return snap.reader.numDocs();
    } finally {
      release(snap);
    }
  }

  private List<SearchResponse.Hit> hits(IndexSearcher searcher, Query query, ScoreDoc[] page, boolean scored)
      throws IOException {
    Document[] docs = new Document[page.length];
    String[] bodies = new String[page.length];
    for (int i = 0; i < page.length; i++) {
      docs[i] = searcher.storedFields().document(page[i].doc, HIT_FIELDS);
      bodies[i] = docs[i].get(IndexSchema.BODY);
    }
    String[] snippetHtml = snippets.forBody(searcher, query, page, bodies);
    List<SearchResponse.Hit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      Document d = docs[i];
      // a post without body text (or whose opening the highlighter could not cut) shows its excerpt
      String snippet = snippetHtml[i].isEmpty() ? SnippetFormatter.opening(d.get(IndexSchema.EXCERPT)) : snippetHtml[i];
      hits.add(new SearchResponse.Hit(PostId.of(d.get(IndexSchema.URL)), d.get(IndexSchema.URL), d.get(IndexSchema.TITLE), snippet,
          d.get(IndexSchema.AUTHOR), instant(d.getField(IndexSchema.PUBLISHED)),
          Arrays.asList(d.getValues(IndexSchema.CATEGORY)), Arrays.asList(d.getValues(IndexSchema.TAG)),
          scored && !Float.isNaN(page[i].score) ? page[i].score : 0f));
    }
    return hits;
  }

  private String didYouMean(IndexSnapshot snap, SearchRequest req, long total) throws IOException {
    String corrected = speller.correct(req.q(), snap.reader);
    if (corrected == null) {
      return null;
    }
    IndexSearcher searcher = newSearcher(snap);
    Query q = withDateRange(queries.build(parser.parse(corrected), false), req);
    long better = new FacetedSearch(searcher, snap.facets, req).count(q);
    return better > total ? corrected : null;
  }

  private Query withDateRange(Query q, SearchRequest req) {
    Query range = dateRange(req);
    return range == null ? q
        : new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST).add(range, BooleanClause.Occur.FILTER).build();
  }

  /** The request's publication date range, or null when it has none. */
  private static Query dateRange(SearchRequest req) {
    if (req.from() == null && req.to() == null) {
      return null;
    }
    long from = req.from() == null ? Long.MIN_VALUE : req.from().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long to = req.to() == null ? Long.MAX_VALUE
        : req.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
    return LongPoint.newRangeQuery(IndexSchema.PUBLISHED, from, to);
  }

  private IndexSearcher newSearcher(IndexSnapshot snap) {
    IndexSearcher s = snap.searcher();
    s.setSimilarity(similarity);
    s.setTimeout(new QueryTimeoutImpl(options.timeout().toMillis()));
    return s;
  }

  private static Instant instant(IndexableField f) {
    if (f == null) {
      return null;
    }
    long ms = f.numericValue().longValue();
    return ms == 0 ? null : Instant.ofEpochMilli(ms);
  }

  private IndexSnapshot acquire() {
    try {
      return snapshots.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void release(IndexSnapshot snap) {
    try {
      snapshots.release(snap);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    snapshots.close();
  }
}
