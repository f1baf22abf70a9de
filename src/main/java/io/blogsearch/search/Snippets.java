package io.blogsearch.search;

import io.blogsearch.index.IndexSchema;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Result snippets from the {@link UnifiedHighlighter}, reading offsets from the postings (no
 * re-analysis of bodies). Crawled text is HTML-escaped by the formatter; the only markup added is
 * {@code <mark>} around matches. A post that matched elsewhere (title, tags) shows its opening.
 */
final class Snippets {
  private static final int PASSAGE_CHARS = 180;
  private final Analyzer indexAnalyzer;

  Snippets(Analyzer indexAnalyzer) {
    this.indexAnalyzer = indexAnalyzer;
  }

  String[] forBody(IndexSearcher searcher, Query query, ScoreDoc[] page) throws IOException {
    if (page.length == 0) {
      return new String[0];
    }
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, indexAnalyzer)
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
        .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
            BreakIterator.getSentenceInstance(Locale.ROOT), PASSAGE_CHARS, 0.3f))
        .withMaxNoHighlightPassages(1)
        .withMaxLength(100_000)
        .build();
    TopDocs docs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
    String[] out = highlighter.highlight(IndexSchema.BODY, query, docs, 1);
    for (int i = 0; i < out.length; i++) {
      out[i] = out[i] == null ? "" : out[i].strip();
    }
    return out;
  }
}
