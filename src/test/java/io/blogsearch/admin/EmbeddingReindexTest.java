package io.blogsearch.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.blogsearch.bench.BenchCorpus;
import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.demo.SampleBlog;
import io.blogsearch.encoder.EmbeddingCache;
import io.blogsearch.encoder.OnnxEmbedder;
import io.blogsearch.encoder.SemanticModel;
import io.blogsearch.extract.Article;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.IndexSchema;
import io.blogsearch.index.PassageText;
import io.blogsearch.index.PostVectors;
import io.blogsearch.search.SearchOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Posts' vectors in real builds (the sample blog's 37 posts, bge on the CPU): the embedding cache
 * makes an unchanged reindex embed nothing and an edit embed exactly the edited post; reindex
 * jobs show embedding progress.
 */
class EmbeddingReindexTest {
  private static final OnnxEmbedder BGE = OnnxEmbedder.bgeSmall();
  private static final SampleBlog BLOG = SampleBlog.load();
  @TempDir Path data;

  private SiteConfig site() {
    return new ConfigLoader().parse("name: emb\nseeds: [" + BenchCorpus.BASE + "/]\n").withDataDir(data);
  }

  private static List<Article> posts() {
    return BLOG.posts().stream().map(BenchCorpus::toArticle).toList();
  }

  private static PostVectors vectors(SiteConfig site) {
    return new PostVectors(BGE, PassageText.DEFAULT, EmbeddingCache.open(site.embeddingsDir(), BGE.modelId(), BGE.dimension()));
  }

  private static IndexBuilder builder(SiteConfig site, PostVectors vectors) {
    SearchOptions options = SearchOptions.defaults(BlogAnalyzers.synonyms("", BlogAnalyzers.Stemmer.PORTER));
    return new IndexBuilder(site, options.stemmer(), (g, markServing) -> {
      ServingManager.verify(g, options);
      markServing.run();
    }, vectors);
  }

  /** The vectors in an index, by URL. */
  private static Map<String, float[]> indexedVectors(Path dir) throws Exception {
    Map<String, float[]> out = new HashMap<>();
    try (FSDirectory d = FSDirectory.open(dir); DirectoryReader r = DirectoryReader.open(d)) {
      for (LeafReaderContext leaf : r.leaves()) {
        FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexSchema.VECTOR);
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
          if (leaf.reader().getLiveDocs() == null || leaf.reader().getLiveDocs().get(doc)) {
            out.put(leaf.reader().storedFields().document(doc).get(IndexSchema.URL), values.vectorValue().clone());
          }
        }
      }
    }
    return out;
  }

  @Test
  void anUnchangedReindexEmbedsNothingAndAnEditEmbedsExactlyThatPost() throws Exception {
    SiteConfig site = site();
    List<Article> before = posts();
    CrawlOutput.write(site.crawlDir(), before);
    PostVectors first = vectors(site);
    IndexBuilder.Result built = builder(site, first).build(false, () -> false);
    assertEquals(37, first.lastEmbedded());
    Map<String, float[]> vectorsBefore = indexedVectors(built.generation().dir());
    assertEquals(37, vectorsBefore.size(), "every post has its vector");

    PostVectors full = vectors(site); // a fresh process: the cache comes from disk
    IndexBuilder.Result rebuilt = builder(site, full).build(true, () -> false);
    assertEquals(IndexBuilder.Build.REBUILT, rebuilt.build());
    assertEquals(0, full.lastEmbedded(), "a full rebuild of unchanged posts takes every vector from the cache");
    Map<String, float[]> vectorsRebuilt = indexedVectors(rebuilt.generation().dir());
    vectorsBefore.forEach((url, v) -> assertArrayEquals(v, vectorsRebuilt.get(url), url));

    Article old = before.get(5);
    Article edited = new Article(old.url(), old.title(), "A new opening sentence about onboarding remote hires. " + old.body(),
        old.excerpt(), old.author(), old.published(), old.modified(), old.categories(), old.tags(), old.comments(),
        old.relatedLinks());
    CrawlOutput.write(site.crawlDir(), before.stream().map(a -> a.url().equals(old.url()) ? edited : a).toList());
    PostVectors edit = vectors(site);
    IndexBuilder.Result updated = builder(site, edit).build(false, () -> false);

    assertEquals(IndexBuilder.Build.UPDATED, updated.build());
    assertEquals(1, edit.lastEmbedded());
    Map<String, float[]> vectorsAfter = indexedVectors(updated.generation().dir());
    assertEquals(37, vectorsAfter.size());
    assertArrayEquals(BGE.embedPassages(List.of(PassageText.DEFAULT.of(edited))).get(0), vectorsAfter.get(old.url()), 1e-6f);
    vectorsBefore.forEach((url, v) -> {
      if (!url.equals(old.url())) {
        assertArrayEquals(v, vectorsAfter.get(url), url);
      }
    });
  }

  @Test
  void aReindexJobShowsEmbeddingProgressAndAnUnchangedJobEmbedsNothing() throws Exception {
    SemanticModel semantic = SemanticModel.load(BGE.modelId(), () -> BGE);
    try (AdminFixture f = new AdminFixture(data, "", null, Duration.ZERO, semantic)) {
      JsonNode job = f.awaitJob(f.parse(f.post("/api/admin/reindex", "{\"mode\":\"full\"}", AdminFixture.TOKEN)).get("id").asText());
      assertEquals("succeeded", job.get("state").asText(), job.toString());
      assertEquals(37, job.get("progress").get("toEmbed").asInt(), job.toString());
      assertEquals(37, job.get("progress").get("embedded").asInt());
      assertEquals(37, indexedVectors(f.serving.with(s -> s.generation().dir())).size());

      JsonNode again = f.awaitJob(f.parse(f.post("/api/admin/reindex", "{\"mode\":\"incremental\"}", AdminFixture.TOKEN))
          .get("id").asText());
      assertEquals("succeeded", again.get("state").asText(), again.toString());
      assertEquals(0, again.get("progress").get("toEmbed").asInt(), again.toString());

      JsonNode status = f.parse(f.get("/api/admin/status", AdminFixture.TOKEN));
      assertTrue(status.get("semantic").get("available").asBoolean(), status.toString());
      assertEquals(BGE.modelId(), status.get("semantic").get("model").asText());
    }
  }
}
