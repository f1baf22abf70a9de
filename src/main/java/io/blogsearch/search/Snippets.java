package io.blogsearch.search;

import io.blogsearch.index.IndexSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Result snippets from the {@link UnifiedHighlighter}, reading offsets from the postings (no
 * re-analysis of bodies): the best paragraph, trimmed to a window around its first match by
 * {@link SnippetFormatter}, which HTML-escapes crawled text and adds only {@code <mark>}. A post
 * that matched elsewhere (title, tags) shows its opening paragraph.
 */
final class Snippets {
  private static final SnippetFormatter FORMATTER = new SnippetFormatter();
  /** Passages are paragraphs; long ones are trimmed by the formatter, so length is not penalised. */
  private static final PassageScorer PARAGRAPH_SCORER = new PassageScorer(1.2f, 0f, 87f);
  private final Analyzer indexAnalyzer;

  Snippets(Analyzer indexAnalyzer) {
    this.indexAnalyzer = indexAnalyzer;
  }

  /**
   * Snippets for the page's documents, whose stored bodies the caller already loaded (so each
   * document's stored fields are decompressed once per request, not twice).
   */
  String[] forBody(IndexSearcher searcher, Query query, ScoreDoc[] page, String[] bodies) throws IOException {
    if (page.length == 0) {
      return new String[0];
    }
    Map<Integer, String> bodyByDoc = new HashMap<>();
    for (int i = 0; i < page.length; i++) {
      bodyByDoc.put(page[i].doc, bodies[i] == null ? "" : bodies[i]);
    }
    UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, indexAnalyzer)
        .withFormatter(FORMATTER)
        .withBreakIterator(() -> new CustomSeparatorBreakIterator('\n'))
        .withScorer(PARAGRAPH_SCORER)
        .withMaxNoHighlightPassages(1)
        .withMaxLength(IndexSchema.STORED_BODY_CHARS);
    UnifiedHighlighter highlighter = new UnifiedHighlighter(builder) {
      @Override
      protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheChars)
          throws IOException {
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          CharSequence[] perField = new CharSequence[fields.length];
          for (int f = 0; f < fields.length; f++) {
            perField[f] = fields[f].equals(IndexSchema.BODY) ? bodyByDoc.getOrDefault(doc, "") : "";
          }
          values.add(perField);
        }
        return values;
      }
    };
    TopDocs docs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
    String[] out = highlighter.highlight(IndexSchema.BODY, query, docs, 1);
    for (int i = 0; i < out.length; i++) {
      out[i] = out[i] == null ? "" : out[i].strip();
    }
    return out;
  }
}
