package io.blogsearch.search;

import io.blogsearch.index.IndexSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Runs one query with the request's facet filters: the hits obey every filter, while each
 * filtered dimension's counts ignore that dimension's own filter ("drill sideways") — what a
 * visitor needs to switch between, or add, categories, tags, authors and years. Done with plain
 * searches (one more per filtered dimension) because Lucene's DrillSideways scorer cannot run
 * under the per-query time limit.
 */
final class FacetedSearch {
  private static final int FACET_VALUES = 50;
  private static final List<String> DIMS = List.of(
      IndexSchema.DIM_CATEGORY, IndexSchema.DIM_TAG, IndexSchema.DIM_AUTHOR, IndexSchema.DIM_YEAR);

  /** Hits up to the requested page, their total and the facet counts. */
  record Result(long total, ScoreDoc[] top, Map<String, List<SearchResponse.FacetValue>> facets, boolean sortedByScore) {
    ScoreDoc[] page(int page, int size) {
      int from = Math.min(top.length, (page - 1) * size);
      return Arrays.copyOfRange(top, from, Math.min(top.length, from + size));
    }
  }

  private final IndexSearcher searcher;
  private final SortedSetDocValuesReaderState state;
  private final SearchRequest req;
  private final FacetsConfig config = IndexSchema.facetsConfig();

  FacetedSearch(IndexSearcher searcher, SortedSetDocValuesReaderState state, SearchRequest req) {
    this.searcher = searcher;
    this.state = state;
    this.req = req;
  }

  /**
   * The query whose matches, before facet filters, make the result set: for a keyword search the
   * same whatever the filters, while a vector search takes its nearest posts within the filters,
   * so a filtered dimension's sideways counts need the query as it is without that filter.
   */
  interface Retrieval {
    /** The query with every filter but {@code skipDim}'s (null: with every filter). */
    Query without(String skipDim) throws IOException;
  }

  /** @param browse no query text: order by date unless asked otherwise */
  Result run(Query query, boolean browse) throws IOException {
    return run(skipDim -> query, browse);
  }

  /** As {@link #run(Query, boolean)} with a query that depends on the filters. */
  Result run(Retrieval retrieval, boolean browse) throws IOException {
    Query query = retrieval.without(null);
    int topN = req.page() * req.size();
    Sort sort = sort(browse);
    if (state == null) {
      // No post has any facet value: every dimension is empty, and a filter matches nothing.
      Query filtered = drillDown(query, null);
      TopDocs td = sort == null ? searcher.search(filtered, topN) : searcher.search(filtered, topN, sort);
      Map<String, List<SearchResponse.FacetValue>> none = new LinkedHashMap<>();
      DIMS.forEach(dim -> none.put(dim, List.of()));
      return new Result(td.totalHits.value, td.scoreDocs, none, sort == null);
    }
    Query filtered = drillDown(query, null);
    FacetsCollectorManager.FacetsResult main = sort == null
        ? FacetsCollectorManager.search(searcher, filtered, topN, new FacetsCollectorManager())
        : FacetsCollectorManager.search(searcher, filtered, topN, sort, new FacetsCollectorManager());
    Facets all = new SortedSetDocValuesFacetCounts(state, main.facetsCollector());
    Map<String, List<SearchResponse.FacetValue>> facets = new LinkedHashMap<>();
    for (String dim : DIMS) {
      Facets counts = all;
      if (!filterValues(dim).isEmpty()) {
        // Sideways: this dimension's counts come from the other filters only.
        FacetsCollector others = searcher.search(drillDown(retrieval.without(dim), dim), new FacetsCollectorManager());
        counts = new SortedSetDocValuesFacetCounts(state, others);
      }
      facets.put(dim, values(counts, dim));
    }
    TopDocs td = main.topDocs();
    return new Result(td.totalHits.value, td.scoreDocs, facets, sort == null);
  }

  /** How many posts match, filters applied. */
  long count(Query query) throws IOException {
    return searcher.count(drillDown(query, null));
  }

  /** The query restricted by every facet filter. */
  Query filtered(Query query) {
    return drillDown(query, null);
  }

  /** Every facet filter except those of {@code skipDim} as one query, or null when there is none. */
  Query filters(String skipDim) {
    BooleanQuery.Builder filtered = new BooleanQuery.Builder();
    return addFilters(filtered, skipDim) ? filtered.build() : null;
  }

  /**
   * The query restricted by every facet filter except those of {@code skipDim}. Values of one
   * dimension are ORed; each matches its folded key, so "O'Connor" finds "O’Connor".
   */
  private Query drillDown(Query query, String skipDim) {
    BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
    return addFilters(filtered, skipDim) ? filtered.build() : query;
  }

  private boolean addFilters(BooleanQuery.Builder filtered, String skipDim) {
    boolean any = false;
    for (String dim : DIMS) {
      List<String> values = filterValues(dim);
      if (dim.equals(skipDim) || values.isEmpty()) {
        continue;
      }
      BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
      values.forEach(v -> anyOf.add(filterTerm(dim, v), BooleanClause.Occur.SHOULD));
      filtered.add(anyOf.build(), BooleanClause.Occur.FILTER);
      any = true;
    }
    return any;
  }

  private Query filterTerm(String dim, String value) {
    String keyField = IndexSchema.keyField(dim);
    return keyField == null
        ? new TermQuery(DrillDownQuery.term(config.getDimConfig(dim).indexFieldName, dim, value))
        : new TermQuery(new Term(keyField, IndexSchema.filterKey(value)));
  }

  private List<String> filterValues(String dim) {
    return switch (dim) {
      case IndexSchema.DIM_CATEGORY -> req.categories();
      case IndexSchema.DIM_TAG -> req.tags();
      case IndexSchema.DIM_AUTHOR -> req.authors();
      default -> req.years();
    };
  }

  private Sort sort(boolean browse) {
    return switch (req.sort()) {
      case RELEVANCE -> browse ? new Sort(new SortField(IndexSchema.PUBLISHED, SortField.Type.LONG, true)) : null;
      case DATE -> new Sort(new SortField(IndexSchema.PUBLISHED, SortField.Type.LONG, true));
      case DATE_ASC -> new Sort(new SortField(IndexSchema.PUBLISHED, SortField.Type.LONG, false));
    };
  }

  private static List<SearchResponse.FacetValue> values(Facets facets, String dim) throws IOException {
    List<SearchResponse.FacetValue> values = new ArrayList<>();
    FacetResult fr;
    try {
      fr = facets.getTopChildren(FACET_VALUES, dim);
    } catch (IllegalArgumentException noSuchDimension) {
      fr = null;
    }
    if (fr != null) {
      for (LabelAndValue lv : fr.labelValues) {
        values.add(new SearchResponse.FacetValue(lv.label, lv.value.intValue()));
      }
    }
    Comparator<SearchResponse.FacetValue> order = dim.equals(IndexSchema.DIM_YEAR)
        ? Comparator.comparing(SearchResponse.FacetValue::value).reversed()
        : Comparator.comparing(SearchResponse.FacetValue::count).reversed().thenComparing(SearchResponse.FacetValue::value);
    values.sort(order);
    return values;
  }
}
