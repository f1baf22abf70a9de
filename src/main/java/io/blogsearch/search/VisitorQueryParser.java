package io.blogsearch.search;

import io.blogsearch.index.BlogAnalyzers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses what a visitor types into clauses. The syntax is small and forgiving: words,
 * {@code "phrases"}, {@code -exclusions}, {@code OR} between clauses and the field prefixes
 * {@code title: author: category: tag:}. Everything else is literal text, so no input is a
 * syntax error; wildcards, fuzzy and regex operators have no meaning here and are dropped by
 * analysis. Only size is limited: too long, or too many terms, is a {@link BadRequestException}.
 * Stop words and repeats of plain words do not count (a pasted title costs one term per distinct
 * word) and repeated clauses are dropped; phrase words all count. So the bound still caps the
 * query's cost.
 */
public final class VisitorQueryParser {
  public static final int MAX_LENGTH = 1000;
  /** Terms a query may have: distinct content words (not stop words, per field) plus phrase words. */
  public static final int MAX_TERMS = 64;
  private static final Set<String> FIELDS = Set.of("title", "author", "category", "tag");

  /** Parses {@code input}; a blank input gives an empty query. */
  public ParsedQuery parse(String input) {
    if (input == null) {
      return new ParsedQuery(List.of());
    }
    if (input.length() > MAX_LENGTH) {
      throw new BadRequestException("query is too long: " + input.length() + " characters (at most " + MAX_LENGTH + ")");
    }
    List<ParsedQuery.Clause> raw = new ArrayList<>();
    String s = input.replace('\u201c', '"').replace('\u201d', '"');
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        i++;
        continue;
      }
      boolean negated = false;
      if ((c == '-' || c == '+') && i + 1 < n && !Character.isWhitespace(s.charAt(i + 1))) {
        negated = c == '-';
        i++;
      }
      String field = null;
      int colon = fieldPrefixEnd(s, i);
      if (colon > 0) {
        field = s.substring(i, colon).toLowerCase(Locale.ROOT);
        i = colon + 1;
        if (i >= n || Character.isWhitespace(s.charAt(i))) {
          raw.add(new ParsedQuery.Clause(null, field, false, negated, 0));
          continue;
        }
      }
      if (i < n && s.charAt(i) == '"') {
        int close = s.indexOf('"', i + 1);
        String text = close < 0 ? s.substring(i + 1) : s.substring(i + 1, close);
        i = close < 0 ? n : close + 1;
        if (!text.isBlank()) {
          raw.add(new ParsedQuery.Clause(field, text.strip(), close >= 0, negated, 0));
        }
        continue;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '"') {
        i++;
      }
      raw.add(new ParsedQuery.Clause(field, s.substring(start, i), false, negated, 0));
    }
    List<ParsedQuery.Clause> clauses = withoutRepeats(joinOr(raw));
    int terms = contentTerms(clauses);
    if (terms > MAX_TERMS) {
      throw new BadRequestException("query has too many terms: " + terms + " (at most " + MAX_TERMS + ")");
    }
    return new ParsedQuery(clauses);
  }

  /** The clauses with later copies of an ungrouped clause (same field, text up to case, kind) removed. */
  private static List<ParsedQuery.Clause> withoutRepeats(List<ParsedQuery.Clause> clauses) {
    Set<List<Object>> seen = new HashSet<>();
    List<ParsedQuery.Clause> out = new ArrayList<>();
    for (ParsedQuery.Clause c : clauses) {
      List<Object> key = Arrays.asList(c.field(), c.text().toLowerCase(Locale.ROOT), c.phrase(), c.negated());
      if (c.group() > 0 || seen.add(key)) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * What the query costs in terms: each distinct (field, word) of plain clauses, stop words left
   * out (an OR group's words apart from the rest, since each group is searched on its own), plus
   * every word of each phrase or other clause of several words (all its positions must match, so
   * its repeats and stop words are work too).
   */
  private static int contentTerms(List<ParsedQuery.Clause> clauses) {
    Set<String> plain = new HashSet<>();
    int phraseWords = 0;
    for (ParsedQuery.Clause c : clauses) {
      List<String> words = words(c.text());
      if (c.searchedAsPhrase() || words.size() > 1) {
        phraseWords += words.size();
        continue;
      }
      for (String word : words) {
        if (!BlogAnalyzers.STOP_WORDS.contains(word)) {
          plain.add(c.group() + ":" + c.field() + ":" + word);
        }
      }
    }
    return plain.size() + phraseWords;
  }

  /**
   * The words analysis will make of {@code text}, closely enough for a bound: runs of letters and
   * digits, with each ideograph a word of its own (as the standard tokenizer splits Han text).
   */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    text.toLowerCase(Locale.ROOT).codePoints().forEach(cp -> {
      boolean ideograph = Character.isIdeographic(cp);
      if (ideograph || !Character.isLetterOrDigit(cp)) {
        if (!word.isEmpty()) {
          out.add(word.toString());
          word.setLength(0);
        }
        if (ideograph) {
          out.add(new String(Character.toChars(cp)));
        }
      } else {
        word.appendCodePoint(cp);
      }
    });
    if (!word.isEmpty()) {
      out.add(word.toString());
    }
    return out;
  }

  /** Index of the colon ending a known field prefix at {@code i}, or -1. */
  private static int fieldPrefixEnd(String s, int i) {
    int j = i;
    while (j < s.length() && Character.isLetter(s.charAt(j)) && j - i <= 8) {
      j++;
    }
    if (j < s.length() && s.charAt(j) == ':' && FIELDS.contains(s.substring(i, j).toLowerCase(Locale.ROOT))) {
      return j;
    }
    return -1;
  }

  /** Turns {@code a OR b OR c} into one group; drops the operators {@code AND} and dangling {@code OR}. */
  private static List<ParsedQuery.Clause> joinOr(List<ParsedQuery.Clause> raw) {
    List<ParsedQuery.Clause> out = new ArrayList<>();
    int nextGroup = 1;
    for (int k = 0; k < raw.size(); k++) {
      ParsedQuery.Clause c = raw.get(k);
      boolean operator = c.field() == null && !c.phrase() && !c.negated();
      if (operator && c.text().equals("AND")) {
        continue;
      }
      if (operator && c.text().equals("OR")) {
        if (out.isEmpty() || k + 1 >= raw.size() || out.get(out.size() - 1).negated() || raw.get(k + 1).negated()) {
          continue;
        }
        ParsedQuery.Clause prev = out.remove(out.size() - 1);
        int group = prev.group() > 0 ? prev.group() : nextGroup++;
        out.add(new ParsedQuery.Clause(prev.field(), prev.text(), prev.phrase(), false, group));
        ParsedQuery.Clause next = raw.get(++k);
        out.add(new ParsedQuery.Clause(next.field(), next.text(), next.phrase(), false, group));
        continue;
      }
      out.add(c);
    }
    return out;
  }
}
