package io.blogsearch.encoder;

import java.util.List;

/**
 * Turns text into unit-length vectors whose dot product says how close two texts are in meaning.
 * Passages (posts) and queries are embedded apart because retrieval models treat them
 * differently (an instruction prefix for queries, say). Implementations are thread-safe.
 */
public interface Embedder {
  /** Names the model and everything that changes its vectors; vectors of two ids never mix. */
  String modelId();

  /** Length of every vector. */
  int dimension();

  /** One unit vector per text, in order. */
  List<float[]> embedPassages(List<String> texts);

  /** The unit vector of a visitor's query. */
  float[] embedQuery(String text);
}
