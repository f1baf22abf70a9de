package io.blogsearch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.blogsearch.extract.Article;
import io.blogsearch.extract.PostId;
import io.blogsearch.index.BlogAnalyzers;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;

/**
 * Writes a benchmark corpus in the form the Solr peer (bench/solr-peer) indexes: one JSON
 * document per line with the fields of our IndexSchema, and the synonym rules with every word
 * already run through our index analysis, so Solr's SynonymGraphFilter after its Porter stemmer
 * sees the same rules ours applies after stemming.
 */
final class SolrExport {
  private SolrExport() {}

  static void docs(List<Article> articles, Path out) throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (Article a : articles) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", PostId.of(a.url()));
        d.put("url", a.url());
        d.put("title", a.title());
        d.put("body", a.body());
        d.put("author", a.author());
        d.put("category", a.categories());
        d.put("tag", a.tags());
        StringBuilder comments = new StringBuilder();
        a.comments().forEach(c -> comments.append(c.text()).append("\n\n"));
        d.put("comments", comments.toString());
        if (a.published() != null) {
          d.put("published", a.published().toString());
          d.put("year", a.published().atZone(ZoneOffset.UTC).getYear());
        }
        w.write(json.writeValueAsString(d));
        w.newLine();
      }
    }
  }

  static void stemmedSynonyms(Path rules, BlogAnalyzers.Stemmer stemmer, Path out) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Analyzer analyzer = BlogAnalyzers.index(stemmer)) {
      for (String line : Files.readAllLines(rules, StandardCharsets.UTF_8)) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        String[] sides = t.split("=>", -1);
        List<String> outSides = new ArrayList<>();
        for (String side : sides) {
          List<String> phrases = new ArrayList<>();
          for (String phrase : side.split(",")) {
            String analysed = analyse(analyzer, phrase);
            if (!analysed.isEmpty()) {
              phrases.add(analysed);
            }
          }
          outSides.add(String.join(", ", phrases));
        }
        lines.add(String.join(" => ", outSides));
      }
    }
    Files.write(out, lines, StandardCharsets.UTF_8);
  }

  private static String analyse(Analyzer analyzer, String phrase) throws IOException {
    return String.join(" ", BlogAnalyzers.terms(analyzer, phrase));
  }
}
