package io.blogsearch.search;

import java.util.List;

/**
 * A visitor's query after parsing, before analysis: a list of clauses.
 *
 * @param clauses in the order typed
 */
public record ParsedQuery(List<Clause> clauses) {
  public ParsedQuery {
    clauses = List.copyOf(clauses);
  }

  /**
   * One word, phrase or field clause.
   *
   * @param field null for "any field", else title, author, category or tag
   * @param text the words as typed (quotes removed)
   * @param phrase typed in quotes
   * @param negated typed with a leading minus
   * @param group clauses sharing a group number above zero were joined with OR
   */
  public record Clause(String field, String text, boolean phrase, boolean negated, int group) {
    /**
     * Quoted, or one word to a visitor though analysis splits it ("one-on-one", "1:1", "e.g."):
     * its parts must stay together.
     */
    public boolean searchedAsPhrase() {
      if (phrase) {
        return true;
      }
      String t = text.strip();
      for (int i = 1; i < t.length() - 1; i++) {
        char ch = t.charAt(i);
        if (!Character.isLetterOrDigit(ch) && !Character.isWhitespace(ch) && ch != '\'') {
          return true;
        }
      }
      return false;
    }
  }

  public boolean isEmpty() {
    return clauses.isEmpty();
  }
}
