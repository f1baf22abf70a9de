package io.blogsearch.search;

import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.IndexSchema;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": replaces each word of the query that no post contains with the closest word
 * that posts do contain (Lucene's {@link DirectSpellChecker} over the unstemmed {@code spell}
 * field), keeping the rest of the query — quotes, minus signs, field prefixes — as typed.
 */
final class SpellingCorrector {
  private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}:])\\p{L}{3,}(?![\\p{L}\\p{N}:])");
  private final DirectSpellChecker checker = new DirectSpellChecker();

  /** The corrected query, or null when every word is known or none has a suggestion. */
  String correct(String query, IndexReader reader) throws IOException {
    Matcher m = WORD.matcher(query);
    StringBuilder out = new StringBuilder();
    boolean changed = false;
    while (m.find()) {
      String word = m.group();
      String lower = word.toLowerCase(Locale.ROOT);
      String replacement = word;
      if (!BlogAnalyzers.STOP_WORDS.contains(lower) && !word.equals("OR") && !word.equals("AND")) {
        Term t = new Term(IndexSchema.SPELL, lower);
        if (reader.docFreq(t) == 0) {
          SuggestWord[] s = checker.suggestSimilar(t, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
          if (s.length > 0) {
            replacement = s[0].string;
            changed = true;
          }
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return changed ? out.toString() : null;
  }
}
