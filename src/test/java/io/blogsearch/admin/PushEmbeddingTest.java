package io.blogsearch.admin;

import static io.blogsearch.admin.AdminFixture.BLOG;
import static io.blogsearch.admin.AdminFixture.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.blogsearch.encoder.OnnxEmbedder;
import io.blogsearch.encoder.SemanticModel;
import io.blogsearch.index.IndexSchema;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With the embedding model loaded, a push job embeds exactly the pushed post (bge on the CPU). */
class PushEmbeddingTest {
  private static final OnnxEmbedder BGE = OnnxEmbedder.bgeSmall();
  @TempDir Path data;

  private static boolean hasVector(Path index, String url) throws Exception {
    try (FSDirectory d = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(d)) {
      for (LeafReaderContext leaf : r.leaves()) {
        FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexSchema.VECTOR);
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
          boolean live = leaf.reader().getLiveDocs() == null || leaf.reader().getLiveDocs().get(doc);
          if (live && url.equals(leaf.reader().storedFields().document(doc).get(IndexSchema.URL))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  @Test
  void aPushJobEmbedsThePushedPostOnly() throws Exception {
    SemanticModel semantic = SemanticModel.load(BGE.modelId(), () -> BGE);
    try (AdminFixture f = new AdminFixture(data, "", null, Duration.ZERO, semantic)) {
      f.awaitJob(f.parse(f.post("/api/admin/reindex", "{\"mode\":\"full\"}", TOKEN)).get("id").asText());
      String url = f.blog.baseUrl() + "/2026/12/02/embedded/";
      JsonNode answer = f.parse(f.send("PUT", "/api/admin/posts",
          PushPosts.body(PushPosts.companion(BLOG.posts().get(8), url, "meadowsweet")), TOKEN));
      JsonNode job = f.awaitJob(answer.get("job").get("id").asText());
      assertEquals("succeeded", job.get("state").asText(), job.toString());
      assertEquals(1, job.get("progress").get("toEmbed").asInt(), job.toString());
      assertEquals(1, job.get("progress").get("embedded").asInt());
      assertTrue(hasVector(f.serving.with(s -> s.generation().dir()), url), "the pushed post has its vector");
    }
  }
}
