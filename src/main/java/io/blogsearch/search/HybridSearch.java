package io.blogsearch.search;

import io.blogsearch.fusion.ReciprocalRankFusion;
import io.blogsearch.index.IndexSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * A search by meaning, alone ({@link SearchMode#SEMANTIC}) or fused with the keyword search
 * ({@link SearchMode#HYBRID}).
 *
 * <p>The result set is exact and the same for hits, total, facets and pages: in hybrid mode the
 * posts matching the keyword query (within the filters) together with the {@code nearest}
 * posts closest to the query vector <em>among the posts that pass the filters</em> (Lucene's kNN
 * with the filters, date range and negated words as its pre-filter); in semantic mode those
 * nearest posts alone. A filtered dimension's sideways counts are those of the same result set
 * with that dimension's filter removed, as for keyword search (the vector side then takes its
 * nearest posts among the wider set). A count shown for a facet value never exceeds what
 * selecting it finds: a post among the nearest of a set stays among the nearest of a subset.
 *
 * <p>By relevance, the order is reciprocal rank fusion of the keyword ranking (its first
 * {@link SearchRequest#MAX_DEPTH} hits, as deep as a visitor can page, so every page is cut from
 * one fixed order) and the vector ranking; by date, the result set in date order.
 */
final class HybridSearch {
  /** The answer before snippets: result set (total, facets, date order), relevance order, keyword side. */
  record Outcome(FacetedSearch.Result result, ScoreDoc[] ranked, long keywordTotal, boolean relaxed) {
    ScoreDoc[] page(int page, int size) {
      if (ranked == null) {
        return result.page(page, size);
      }
      int from = Math.min(ranked.length, (page - 1) * size);
      return java.util.Arrays.copyOfRange(ranked, from, Math.min(ranked.length, from + size));
    }
  }

  private final IndexSearcher searcher;
  private final FacetedSearch faceted;
  private final ReciprocalRankFusion fusion;
  private final int nearest;

  HybridSearch(IndexSearcher searcher, FacetedSearch faceted, ReciprocalRankFusion fusion, int nearest) {
    this.searcher = searcher;
    this.faceted = faceted;
    this.fusion = fusion;
    this.nearest = nearest;
  }

  /**
   * @param keyword the keyword query with the date range, every word required (its total is exact up to
   *     {@link SearchRequest#MAX_DEPTH}, beyond which only "many" matters: relaxing and "did you mean" need few)
   * @param relaxedKeyword the same with any word, tried when the first finds nothing; null when relaxing cannot help
   * @param exclusions posts the vector side must leave out (negated words), or null
   * @param dateRange the request's date range, or null
   * @param vector the query's embedding
   */
  Outcome run(SearchMode mode, SearchRequest req, Query keyword, Query relaxedKeyword, Query exclusions,
      Query dateRange, float[] vector) throws IOException {
    // Ranking by relevance, the keyword ranking (fetched first) also tells how many posts the keyword side finds.
    boolean ranking = mode == SearchMode.HYBRID && req.sort() == SearchRequest.Sort.RELEVANCE;
    TopDocs keywordTop = ranking ? searcher.search(faceted.filtered(keyword), SearchRequest.MAX_DEPTH) : null;
    long keywordTotal = ranking ? keywordTop.totalHits.value : faceted.count(keyword);
    boolean relaxed = false;
    if (mode == SearchMode.HYBRID && keywordTotal == 0 && relaxedKeyword != null) {
      TopDocs any = ranking ? searcher.search(faceted.filtered(relaxedKeyword), SearchRequest.MAX_DEPTH) : null;
      long anyTotal = ranking ? any.totalHits.value : faceted.count(relaxedKeyword);
      if (anyTotal > 0) {
        keyword = relaxedKeyword;
        keywordTop = any;
        keywordTotal = anyTotal;
        relaxed = true;
      }
    }
    Query lexical = keyword;
    Map<String, Query> nearestBySkippedDim = new HashMap<>();
    FacetedSearch.Retrieval retrieval = skipDim -> {
      Query knn = nearestBySkippedDim.get(skipDim);
      if (knn == null) {
        knn = nearestWithin(vector, prefilter(skipDim, exclusions, dateRange));
        nearestBySkippedDim.put(skipDim, knn);
      }
      return mode == SearchMode.SEMANTIC ? knn : new BooleanQuery.Builder()
          .add(lexical, BooleanClause.Occur.SHOULD).add(knn, BooleanClause.Occur.SHOULD).build();
    };
    FacetedSearch.Result result = faceted.run(retrieval, false);
    ScoreDoc[] ranked = null;
    if (result.sortedByScore()) {
      // the main query's nearest posts, found while counting the result set
      List<Integer> vectorRanking = docs(searcher.search(nearestBySkippedDim.get(null), nearest).scoreDocs);
      ranked = mode == SearchMode.SEMANTIC
          ? fused(List.of(vectorRanking))
          : fused(List.of(docs(keywordTop.scoreDocs), vectorRanking));
    }
    return new Outcome(result, ranked, keywordTotal, relaxed);
  }

  /**
   * The nearest posts to {@code vector} among those matching {@code filter}, as a query bound to
   * this searcher's reader (the kNN search runs once, here).
   */
  private Query nearestWithin(float[] vector, Query filter) throws IOException {
    return searcher.rewrite(new KnnFloatVectorQuery(IndexSchema.VECTOR, vector, nearest, filter));
  }

  /** Facet filters (but {@code skipDim}'s), date range and exclusions as one filter; null when there is none. */
  private Query prefilter(String skipDim, Query exclusions, Query dateRange) {
    Query facets = faceted.filters(skipDim);
    if (facets == null && exclusions == null && dateRange == null) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
    if (facets != null) {
      b.add(facets, BooleanClause.Occur.FILTER);
    }
    if (dateRange != null) {
      b.add(dateRange, BooleanClause.Occur.FILTER);
    }
    if (exclusions != null) {
      b.add(exclusions, BooleanClause.Occur.MUST_NOT);
    }
    return b.build();
  }

  private ScoreDoc[] fused(List<List<Integer>> rankings) {
    List<ReciprocalRankFusion.Fused<Integer>> fused = fusion.fuse(rankings);
    ScoreDoc[] out = new ScoreDoc[Math.min(fused.size(), SearchRequest.MAX_DEPTH)];
    for (int i = 0; i < out.length; i++) {
      out[i] = new ScoreDoc(fused.get(i).item(), (float) fused.get(i).score());
    }
    return out;
  }

  private static List<Integer> docs(ScoreDoc[] hits) {
    List<Integer> out = new ArrayList<>(hits.length);
    for (ScoreDoc sd : hits) {
      out.add(sd.doc);
    }
    return out;
  }
}
