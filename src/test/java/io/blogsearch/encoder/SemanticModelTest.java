package io.blogsearch.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.config.SiteConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SemanticModelTest {
  @TempDir Path data;

  @Test
  void aModelWhoseFileIsMissingLeavesTheServiceKeywordOnlyWithTheReason() {
    OnnxModel broken = OnnxModel.BGE_SMALL.withResources("no-such-model.onnx", OnnxModel.BGE_SMALL.tokenizerResource());
    SemanticModel m = SemanticModel.load(broken.id(), () -> OnnxEmbedder.load(broken, 1));

    assertFalse(m.status().available());
    assertTrue(m.embedder().isEmpty());
    assertEquals("bge-small-en-v1.5-q", m.status().model());
    assertTrue(m.status().reason().contains("no-such-model.onnx"), m.status().reason());
  }

  @Test
  void aBrokenTokenizerLeavesTheServiceKeywordOnly() {
    OnnxModel broken = OnnxModel.BGE_SMALL.withResources(OnnxModel.BGE_SMALL.onnxResource(), "no-such-tokenizer.json");
    SemanticModel m = SemanticModel.load(broken.id(), () -> OnnxEmbedder.load(broken, 1));
    assertFalse(m.status().available());
    assertTrue(m.status().reason().contains("no-such-tokenizer.json"), m.status().reason());
  }

  @Test
  void semanticOffInTheConfigLoadsNoModel() {
    SiteConfig.Semantic off = new SiteConfig.Semantic(false, "bge-small-en-v1.5-q", "keyword", 60);
    SemanticModel m = SemanticModel.load(off, data.resolve("native"));
    assertFalse(m.status().available());
    assertEquals("semantic.enabled is false", m.status().reason());
  }

  @Test
  void theConfiguredModelLoads() {
    SemanticModel m = SemanticModel.load(SiteConfig.Semantic.defaults(), Path.of("target/djl"));
    assertTrue(m.status().available());
    assertNull(m.status().reason());
    assertEquals(SiteConfig.Semantic.defaults().model(), m.embedder().orElseThrow().modelId());
    assertEquals(m.embedder().get().dimension(), m.embedder().get().embedQuery("feedback").length);
  }
}
