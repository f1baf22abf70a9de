package io.blogsearch.encoder;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.List;

/**
 * An {@link Embedder} running a small BERT-style model in process with ONNX Runtime on the CPU,
 * the model and tokenizer read from a Maven artifact: nothing is downloaded at run time.
 */
public final class OnnxEmbedder implements Embedder {
  /** bge asks for this instruction in front of short queries (not passages). */
  private static final String BGE_QUERY_PREFIX = "Represent this sentence for searching relevant passages: ";

  private final EmbeddingModel model;
  private final String id;
  private final String queryPrefix;

  private OnnxEmbedder(EmbeddingModel model, String id, String queryPrefix) {
    this.model = model;
    this.id = id;
    this.queryPrefix = queryPrefix;
  }

  /** BAAI bge-small-en-v1.5, int8-quantised (384 dimensions). */
  public static OnnxEmbedder bgeSmall() {
    return new OnnxEmbedder(new BgeSmallEnV15QuantizedEmbeddingModel(), "bge-small-en-v1.5-q", BGE_QUERY_PREFIX);
  }

  @Override
  public String modelId() {
    return id;
  }

  @Override
  public int dimension() {
    return model.dimension();
  }

  @Override
  public List<float[]> embedPassages(List<String> texts) {
    List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(t.isBlank() ? " " : t)).toList();
    return model.embedAll(segments).content().stream().map(Embedding::vector).toList();
  }

  @Override
  public float[] embedQuery(String text) {
    return model.embed(queryPrefix + text).content().vector();
  }
}
