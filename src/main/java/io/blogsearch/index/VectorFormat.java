package io.blogsearch.index;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * How posts' vectors are stored in the HNSW graph: 32-bit floats, or quantised to 7-bit integers
 * (the floats are kept beside them for merges, so int7 adds to the index rather than shrinking it;
 * it saves memory and time when searching). Measured by scripts/bench-embedders.sh (BENCHMARKS.md).
 */
public enum VectorFormat {
  FLOAT32 {
    @Override
    KnnVectorsFormat format() {
      return new Lucene99HnswVectorsFormat();
    }
  },
  INT7 {
    @Override
    KnnVectorsFormat format() {
      return new Lucene99HnswScalarQuantizedVectorsFormat();
    }
  };

  /** What the index stage writes. */
  public static final VectorFormat DEFAULT = FLOAT32;

  abstract KnnVectorsFormat format();

  /** The default codec, with this format for the vector field. */
  Codec codec() {
    KnnVectorsFormat vectors = format();
    return new Lucene912Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return IndexSchema.VECTOR.equals(field) ? vectors : super.getKnnVectorsFormatForField(field);
      }
    };
  }
}
