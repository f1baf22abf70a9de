package io.blogsearch.related;

import io.blogsearch.index.IndexSchema;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;

/**
 * The posts' own vectors as the index holds them ({@link IndexSchema#VECTOR}), and each post's
 * nearest neighbours by them (HNSW through {@link KnnFloatVectorQuery}). An index built without
 * vectors, or a post that has none, has no neighbours: its list is lexical only.
 */
final class PostNeighbours {
  /** No vectors: every list is lexical only. */
  static final PostNeighbours NONE = new PostNeighbours(null, Map.of());

  private final IndexSearcher searcher;
  private final Map<Integer, float[]> vectors;

  private PostNeighbours(IndexSearcher searcher, Map<Integer, float[]> vectors) {
    this.searcher = searcher;
    this.vectors = vectors;
  }

  /** Reads every live post's vector from the index {@code searcher} reads. */
  static PostNeighbours read(IndexSearcher searcher) throws IOException {
    Map<Integer, float[]> vectors = new HashMap<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexSchema.VECTOR);
      if (values == null) {
        continue;
      }
      for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
        if (leaf.reader().getLiveDocs() == null || leaf.reader().getLiveDocs().get(d)) {
          vectors.put(leaf.docBase + d, values.vectorValue().clone()); // the reader reuses its buffer
        }
      }
    }
    return new PostNeighbours(searcher, vectors);
  }

  boolean isEmpty() {
    return vectors.isEmpty();
  }

  boolean has(int doc) {
    return vectors.containsKey(doc);
  }

  /** The {@code k} posts nearest to {@code doc} (itself left out), doc → cosine, nearest first; empty without a vector. */
  Map<Integer, Double> nearest(int doc, int k) throws IOException {
    float[] v = vectors.get(doc);
    Map<Integer, Double> out = new LinkedHashMap<>();
    if (v == null) {
      return out;
    }
    for (ScoreDoc sd : searcher.search(new KnnFloatVectorQuery(IndexSchema.VECTOR, v, k + 1), k + 1).scoreDocs) {
      if (sd.doc != doc && out.size() < k) {
        out.put(sd.doc, cosine(doc, sd.doc));
      }
    }
    return out;
  }

  /** Cosine of two posts' unit vectors; NaN when either has none. */
  double cosine(int a, int b) {
    float[] x = vectors.get(a);
    float[] y = vectors.get(b);
    if (x == null || y == null) {
      return Double.NaN;
    }
    double dot = 0;
    for (int i = 0; i < x.length; i++) {
      dot += x[i] * y[i];
    }
    return dot;
  }
}
