package io.blogsearch.encoder;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.util.List;
import java.util.Optional;

/**
 * A small BERT-style embedding model shipped inside a langchain4j Maven artifact: where its ONNX
 * graph and tokenizer sit on the class path, how token vectors become one vector, and the
 * prefixes the model was trained with.
 *
 * @param maxTokens when positive, the tokenizer truncates there instead of at its bundled setting
 *     (all-MiniLM's tokenizer file cuts at 128 tokens though the model was trained on 256)
 */
public record OnnxModel(String id, String onnxResource, String tokenizerResource, PoolingMode pooling,
    String passagePrefix, String queryPrefix, int maxTokens, int dimension) {

  /** BAAI bge-small-en-v1.5, int8-quantised; CLS pooling, an instruction in front of queries. */
  public static final OnnxModel BGE_SMALL = new OnnxModel("bge-small-en-v1.5-q", "bge-small-en-v1.5-q.onnx",
      "bge-small-en-v1.5-q-tokenizer.json", PoolingMode.CLS, "",
      "Represent this sentence for searching relevant passages: ", 0, 384);

  /** sentence-transformers all-MiniLM-L6-v2, int8-quantised: 6 layers, mean pooling, 256-token window. */
  public static final OnnxModel MINILM = new OnnxModel("all-minilm-l6-v2-q", "all-minilm-l6-v2-q.onnx",
      "all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN, "", "", 256, 384);

  /** intfloat e5-small-v2, int8-quantised; mean pooling, "query: " and "passage: " prefixes. */
  public static final OnnxModel E5_SMALL = new OnnxModel("e5-small-v2-q", "e5-small-v2-q.onnx",
      "e5-small-v2-q-tokenizer.json", PoolingMode.MEAN, "passage: ", "query: ", 0, 384);

  /**
   * Every model measured; only bge's artifact ships (the others are test dependencies, for
   * scripts/bench-embedders.sh), so only bge is a valid {@code semantic.model}.
   */
  public static final List<OnnxModel> ALL = List.of(BGE_SMALL, MINILM, E5_SMALL);

  public static Optional<OnnxModel> byId(String id) {
    return ALL.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  /** The same model with another instruction in front of queries (passages, hence the model id, unchanged). */
  public OnnxModel withQueryPrefix(String prefix) {
    return new OnnxModel(id, onnxResource, tokenizerResource, pooling, passagePrefix, prefix, maxTokens, dimension);
  }

  /** The same model read from other resources (a test seam: a missing name makes loading fail for real). */
  public OnnxModel withResources(String onnx, String tokenizer) {
    return new OnnxModel(id, onnx, tokenizer, pooling, passagePrefix, queryPrefix, maxTokens, dimension);
  }
}
