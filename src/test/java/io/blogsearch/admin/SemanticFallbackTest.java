package io.blogsearch.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.blogsearch.encoder.OnnxEmbedder;
import io.blogsearch.encoder.OnnxModel;
import io.blogsearch.encoder.SemanticModel;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model that cannot load (its file is missing, for real): the service runs keyword-only and says why. */
class SemanticFallbackTest {
  @TempDir Path data;

  @Test
  void withoutTheModelTheServiceSaysSoAndReindexesAndSearchesByKeyword() throws Exception {
    OnnxModel missing = OnnxModel.BGE_SMALL.withResources("missing-model.onnx", OnnxModel.BGE_SMALL.tokenizerResource());
    SemanticModel semantic = SemanticModel.load(missing.id(), () -> OnnxEmbedder.load(missing, 1));
    try (AdminFixture f = new AdminFixture(data, "", null, Duration.ZERO, semantic)) {
      JsonNode ready = f.parse(f.get("/ready", null));
      assertEquals("ready", ready.get("status").asText());
      assertFalse(ready.get("semantic").get("available").asBoolean(), ready.toString());
      assertTrue(ready.get("semantic").get("reason").asText().contains("missing-model.onnx"), ready.toString());

      JsonNode status = f.parse(f.get("/api/admin/status", AdminFixture.TOKEN));
      assertFalse(status.get("semantic").get("available").asBoolean(), status.toString());

      JsonNode job = f.awaitJob(f.parse(f.post("/api/admin/reindex", "{\"mode\":\"full\"}", AdminFixture.TOKEN)).get("id").asText());
      assertEquals("succeeded", job.get("state").asText(), job.toString());
      assertEquals(0, job.get("progress").get("toEmbed").asInt());

      var search = f.get("/api/search?q=feedback", null);
      assertEquals(200, search.statusCode(), search.body());
      assertTrue(f.parse(search).get("total").asInt() > 0, search.body());
    }
  }
}
