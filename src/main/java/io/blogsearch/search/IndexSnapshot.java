package io.blogsearch.search;

import io.blogsearch.index.IndexSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;

/**
 * One point-in-time view of the index with everything derived from it (facet ordinals,
 * autocomplete), so a request sees one consistent index from start to end. Views are
 * reference-counted through their reader; the last release closes the autocomplete too.
 */
final class IndexSnapshot {
  final DirectoryReader reader;
  final SortedSetDocValuesReaderState facets;
  final Autocomplete autocomplete;
  /** The embedder id the posts' vectors were built with ({@code Indexer}'s commit data), or null without vectors. */
  final String vectorModel;

  private IndexSnapshot(DirectoryReader reader) throws IOException {
    this.reader = reader;
    FieldInfo vectors = FieldInfos.getMergedFieldInfos(reader).fieldInfo(IndexSchema.VECTOR);
    this.vectorModel = vectors == null || vectors.getVectorDimension() == 0 ? null
        : reader.getIndexCommit().getUserData().get("embedder");
    this.facets = hasFacetValues(reader)
        ? new DefaultSortedSetDocValuesReaderState(reader, IndexSchema.facetsConfig()) : null;
    this.autocomplete = new Autocomplete(reader);
    reader.getReaderCacheHelper().addClosedListener(key -> autocomplete.close());
  }

  /**
   * Whether any post has a facet value: a site without authors, dates, categories or tags (many
   * non-WordPress blogs) has no facet field at all, and Lucene's facet state cannot be built then.
   */
  private static boolean hasFacetValues(DirectoryReader reader) {
    FieldInfo field = FieldInfos.getMergedFieldInfos(reader).fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
    return reader.numDocs() > 0 && field != null && field.getDocValuesType() == DocValuesType.SORTED_SET;
  }

  static IndexSnapshot open(DirectoryReader reader) {
    try {
      return new IndexSnapshot(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open index snapshot", e);
    }
  }

  /**
   * Shares the snapshot among requests and closes it after the last one. A generation's index
   * never changes after publish, so there is nothing to refresh: new generations are swapped in
   * whole by {@code ServingManager}.
   */
  static final class Manager extends ReferenceManager<IndexSnapshot> {
    Manager(DirectoryReader first) {
      current = open(first);
    }

    @Override
    protected void decRef(IndexSnapshot s) throws IOException {
      s.reader.decRef();
    }

    @Override
    protected IndexSnapshot refreshIfNeeded(IndexSnapshot old) {
      return null;
    }

    @Override
    protected boolean tryIncRef(IndexSnapshot s) {
      return s.reader.tryIncRef();
    }

    @Override
    protected int getRefCount(IndexSnapshot s) {
      return s.reader.getRefCount();
    }
  }

  /** Whether the posts' vectors come from the model {@code modelId} (ids "model" or "model/passage text"). */
  boolean hasVectorsOf(String modelId) {
    return vectorModel != null && (vectorModel.equals(modelId) || vectorModel.startsWith(modelId + "/"));
  }

  /** A fresh searcher for one request (so its time limit is its own). */
  IndexSearcher searcher() {
    return new IndexSearcher(reader);
  }
}
