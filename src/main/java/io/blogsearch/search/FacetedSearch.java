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
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;

/**
 * Runs one query with the request's facet filters through {@link DrillSideways}: the hits obey
 * every filter, while each dimension's counts ignore that dimension's own filter — what a
 * visitor needs to switch between, or add, categories, tags, authors and years.
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

  /** @param browse no query text: order by date unless asked otherwise */
  Result run(Query query, boolean browse) throws IOException {
    int topN = req.page() * req.size();
    Sort sort = sort(browse);
    if (state == null) {
      TopDocs td = sort == null ? searcher.search(query, topN) : searcher.search(query, topN, sort);
      return new Result(td.totalHits.value, td.scoreDocs, Map.of(), sort == null);
    }
    DrillSideways sideways = new DrillSideways(searcher, config, state);
    DrillSideways.DrillSidewaysResult r = sort == null ? sideways.search(drillDown(query), topN)
        : sideways.search(drillDown(query), null, null, topN, sort, false);
    return new Result(r.hits.totalHits.value, r.hits.scoreDocs, facets(r.facets), sort == null);
  }

  /** How many posts match, filters applied. */
  long count(Query query) throws IOException {
    return searcher.count(state == null ? query : drillDown(query));
  }

  private DrillDownQuery drillDown(Query query) {
    DrillDownQuery ddq = new DrillDownQuery(config, query);
    req.categories().forEach(v -> ddq.add(IndexSchema.DIM_CATEGORY, v));
    req.tags().forEach(v -> ddq.add(IndexSchema.DIM_TAG, v));
    req.authors().forEach(v -> ddq.add(IndexSchema.DIM_AUTHOR, v));
    req.years().forEach(v -> ddq.add(IndexSchema.DIM_YEAR, v));
    return ddq;
  }

  private Sort sort(boolean browse) {
    return switch (req.sort()) {
      case RELEVANCE -> browse ? new Sort(new SortField(IndexSchema.PUBLISHED, SortField.Type.LONG, true)) : null;
      case DATE -> new Sort(new SortField(IndexSchema.PUBLISHED, SortField.Type.LONG, true));
      case DATE_ASC -> new Sort(new SortField(IndexSchema.PUBLISHED, SortField.Type.LONG, false));
    };
  }

  private Map<String, List<SearchResponse.FacetValue>> facets(Facets facets) throws IOException {
    Map<String, List<SearchResponse.FacetValue>> out = new LinkedHashMap<>();
    for (String dim : DIMS) {
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
      out.put(dim, values);
    }
    return out;
  }
}
