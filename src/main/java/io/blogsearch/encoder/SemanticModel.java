package io.blogsearch.encoder;

import io.blogsearch.config.SiteConfig;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's embedding model, loaded once, or why there is none. Without one the service runs
 * keyword-only: builds write no vectors and requests never fail for want of a model.
 */
public final class SemanticModel {
  private static final Logger LOG = LoggerFactory.getLogger(SemanticModel.class);

  /**
   * What {@code /ready} and {@code /api/admin/status} show.
   *
   * @param available whether posts and queries are embedded
   * @param model the configured model id
   * @param reason why not, or null when available
   */
  public record Status(boolean available, String model, String reason) {}

  private final Embedder embedder;
  private final Status status;

  private SemanticModel(Embedder embedder, Status status) {
    this.embedder = embedder;
    this.status = status;
  }

  /**
   * Loads the configured model on every core, its native libraries unpacked under
   * {@code nativeDir}; says once in the log when it cannot.
   */
  public static SemanticModel load(SiteConfig.Semantic config, Path nativeDir) {
    if (!config.enabled()) {
      return off(config.model(), "semantic.enabled is false");
    }
    NativeRuntime.useCacheDir(nativeDir);
    OnnxModel spec = OnnxModel.byId(config.model()).orElseThrow(
        () -> new IllegalArgumentException("unknown semantic.model " + config.model())); // ConfigLoader validated it
    return load(config.model(), () -> OnnxEmbedder.load(spec, Runtime.getRuntime().availableProcessors()));
  }

  /** Tries {@code loader}; a model that fails to load leaves the service keyword-only. */
  public static SemanticModel load(String model, Supplier<Embedder> loader) {
    long t0 = System.nanoTime();
    try {
      Embedder e = loader.get();
      LOG.info("embedding model {} loaded in {} ms", e.modelId(), (System.nanoTime() - t0) / 1_000_000);
      return new SemanticModel(e, new Status(true, e.modelId(), null));
    } catch (ModelUnavailableException | LinkageError e) {
      String reason = e instanceof ModelUnavailableException ? e.getMessage() : "cannot load the model runtime: " + e;
      LOG.warn("semantic search and related posts are off, running keyword-only: {}", reason);
      return off(model, reason);
    }
  }

  /** No model: keyword-only, for {@code reason}. */
  public static SemanticModel off(String model, String reason) {
    return new SemanticModel(null, new Status(false, model, reason));
  }

  public Optional<Embedder> embedder() {
    return Optional.ofNullable(embedder);
  }

  public Status status() {
    return status;
  }
}
