package io.blogsearch.encoder;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link Embedder} running a small BERT-style model in process with ONNX Runtime on the CPU,
 * the model and tokenizer read from a Maven artifact: nothing is downloaded at run time.
 *
 * <p>Texts are embedded in parallel, one text per thread and one ONNX Runtime thread per text:
 * ONNX Runtime's own default (a pool of one thread per core for every run) would put cores ×
 * threads busy threads on the cores when several texts run at once. Texts longer than the model's
 * window (510 tokens; 256 for all-MiniLM) are split by langchain4j into windows whose vectors are
 * averaged, except for all-MiniLM, whose tokenizer truncates at 256 tokens.
 */
public final class OnnxEmbedder implements Embedder, AutoCloseable {
  private final OnnxModel spec;
  private final OrtSession session;
  private final ExecutorService pool;
  private final Model model;

  /** langchain4j's parallel embedAll over our own session and threads. */
  private static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;
    private final int dimension;

    Model(OnnxBertBiEncoder encoder, int dimension, ExecutorService pool) {
      super(pool);
      this.encoder = encoder;
      this.dimension = dimension;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return dimension;
    }
  }

  private OnnxEmbedder(OnnxModel spec, OrtSession session, OnnxBertBiEncoder encoder, int threads) {
    this.spec = spec;
    this.session = session;
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "embedder-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.model = new Model(encoder, spec.dimension(), pool);
  }

  /**
   * Loads {@code spec} from the class path.
   *
   * @param threads texts embedded at once (the cores to use)
   * @throws ModelUnavailableException when a resource or the native runtime is missing or fails
   */
  public static OnnxEmbedder load(OnnxModel spec, int threads) {
    byte[] onnx = ModelResources.read(spec.onnxResource());
    byte[] tokenizer = ModelResources.tokenizer(spec);
    try {
      OrtSession session = NativeRuntime.withTempCleanup(() -> {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
          options.setIntraOpNumThreads(1);
          options.setInterOpNumThreads(1);
          options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
          return env.createSession(onnx, options);
        }
      });
      OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(OrtEnvironment.getEnvironment(), session,
          new ByteArrayInputStream(tokenizer), spec.pooling());
      return new OnnxEmbedder(spec, session, encoder, Math.max(1, threads));
    } catch (ModelUnavailableException e) {
      throw e;
    } catch (Exception | LinkageError e) {
      throw new ModelUnavailableException("cannot load the embedding model " + spec.id() + ": " + e, e);
    }
  }

  /** {@link OnnxModel#BGE_SMALL} on every core. */
  public static OnnxEmbedder bgeSmall() {
    return load(OnnxModel.BGE_SMALL, Runtime.getRuntime().availableProcessors());
  }

  public OnnxModel spec() {
    return spec;
  }

  @Override
  public String modelId() {
    return spec.id();
  }

  @Override
  public int dimension() {
    return spec.dimension();
  }

  @Override
  public List<float[]> embedPassages(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(spec.passagePrefix() + (t.isBlank() ? "-" : t)))
        .toList();
    return model.embedAll(segments).content().stream().map(Embedding::vector).toList();
  }

  @Override
  public float[] embedQuery(String text) {
    return model.embed(spec.queryPrefix() + (text.isBlank() ? "-" : text)).content().vector();
  }

  @Override
  public void close() {
    pool.shutdownNow();
    try {
      session.close();
    } catch (OrtException e) {
      // the process is letting the model go: nothing left to do with a failure to free it
    }
  }
}
