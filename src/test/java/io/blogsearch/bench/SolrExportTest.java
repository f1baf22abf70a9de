package io.blogsearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blogsearch.extract.Article;
import io.blogsearch.extract.PostId;
import io.blogsearch.index.BlogAnalyzers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Solr peer is fed must say the same as what our index holds and our API is asked. */
class SolrExportTest {
  @TempDir Path dir;

  @Test
  void synonymRulesAreWrittenStemmedLikeOurIndex() throws Exception {
    Path rules = Files.writeString(dir.resolve("synonyms.txt"),
        "# comment\n\nmanagers, boss, line managers\nhiring => recruiting, talent acquisition\n");
    Path out = dir.resolve("stemmed.txt");
    SolrExport.stemmedSynonyms(rules, BlogAnalyzers.Stemmer.PORTER, out);
    assertEquals(List.of("manag, boss, line manag", "hire => recruit, talent acquisit"), Files.readAllLines(out));
  }

  @Test
  void documentsCarryOurIdsFieldsAndYear() throws Exception {
    Article a = new Article("http://blog.example/2021/01/a/", "A title", "Body text.", "", "Ann",
        Instant.parse("2021-03-04T05:06:07Z"), null, List.of("Leadership"), List.of("teams", "hiring"),
        List.of(new Article.Comment("c1", "", "Bob", null, "Nice post.")), List.of());
    Path out = dir.resolve("docs.jsonl");
    SolrExport.docs(List.of(a), out);
    List<String> lines = Files.readAllLines(out);
    assertEquals(1, lines.size());
    JsonNode d = new ObjectMapper().readTree(lines.get(0));
    assertEquals(PostId.of(a.url()), d.get("id").asText());
    assertEquals("A title", d.get("title").asText());
    assertEquals("[\"teams\",\"hiring\"]", d.get("tag").toString());
    assertEquals("Nice post.\n\n", d.get("comments").asText());
    assertEquals("2021-03-04T05:06:07Z", d.get("published").asText());
    assertEquals(2021, d.get("year").asInt());
  }

  @Test
  void solrSearchQuotesTheCategoryFilterAndCountsItsFacetSideways() {
    String path = SolrComparison.solrSearch("/solr/core", new QueryMix.Search("\"team lead\"", "Ops \"A\""));
    assertEquals("/solr/core/select?q=\"team lead\"&facet.field={!ex=cat}category_s&facet.field=tag_s"
        + "&facet.field=author_s&facet.field=year&fq={!tag=cat}category_s:\"Ops \\\"A\\\"\"",
        URLDecoder.decode(path, StandardCharsets.UTF_8));
  }

  @Test
  void mltQueriesQuoteTheId() {
    String url = "http://blog.example/x/";
    assertEquals("/solr/core/mlt?q=id:\"" + PostId.of(url) + "\"",
        URLDecoder.decode(SolrComparison.solrMlt("/solr/core", url), StandardCharsets.UTF_8));
  }
}
