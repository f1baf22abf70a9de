package io.blogsearch.search;

import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.IndexSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns parsed clauses into a Lucene query. A free-text clause searches every weighted field
 * (combined with DisjunctionMax); a field clause searches its field only; clauses are ANDed
 * unless joined by OR; free-text stop words are never searched (alone they would match nearly
 * every post; in quotes they are part of a phrase). Analysis, including synonyms, is Lucene's
 * {@link QueryBuilder} on the query analyzer.
 */
final class QueryFactory {
  private static final Map<String, String> FIELD_PREFIXES = Map.of(
      "title", IndexSchema.TITLE, "author", IndexSchema.AUTHOR,
      "category", IndexSchema.CATEGORY, "tag", IndexSchema.TAG);

  private final QueryBuilder builder;
  private final FieldWeights weights;

  QueryFactory(Analyzer queryAnalyzer, FieldWeights weights) {
    this.builder = new QueryBuilder(queryAnalyzer);
    this.builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    this.weights = weights;
  }

  /**
   * Whether any clause leaves something to search once stop words and characters that analysis
   * drops (symbols, punctuation) are gone; a query that has none must not list every post.
   */
  boolean searchable(ParsedQuery parsed) {
    return searchableClauses(parsed.clauses()).stream().anyMatch(c -> clauseQuery(c) != null);
  }

  /** A query for the clauses; match-all when nothing searchable remains (see {@link #searchable}). */
  Query build(ParsedQuery parsed, boolean relaxed) {
    List<ParsedQuery.Clause> clauses = searchableClauses(parsed.clauses());
    BooleanQuery.Builder top = new BooleanQuery.Builder();
    Map<Integer, BooleanQuery.Builder> groups = new LinkedHashMap<>();
    int positives = 0;
    for (ParsedQuery.Clause c : clauses) {
      Query q = clauseQuery(c);
      if (q == null) {
        continue;
      }
      if (c.negated()) {
        top.add(q, BooleanClause.Occur.MUST_NOT);
      } else if (c.group() > 0) {
        groups.computeIfAbsent(c.group(), g -> new BooleanQuery.Builder()).add(q, BooleanClause.Occur.SHOULD);
      } else {
        top.add(q, relaxed ? BooleanClause.Occur.SHOULD : BooleanClause.Occur.MUST);
        positives++;
      }
    }
    for (BooleanQuery.Builder g : groups.values()) {
      top.add(g.build(), relaxed ? BooleanClause.Occur.SHOULD : BooleanClause.Occur.MUST);
      positives++;
    }
    if (positives == 0) {
      top.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
    } else if (relaxed) {
      top.setMinimumNumberShouldMatch(1);
    }
    return top.build();
  }

  /** The negated clauses as one query matching any of them, or null when nothing is negated. */
  Query exclusions(ParsedQuery parsed) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    boolean some = false;
    for (ParsedQuery.Clause c : searchableClauses(parsed.clauses())) {
      Query q = c.negated() ? clauseQuery(c) : null;
      if (q != null) {
        any.add(q, BooleanClause.Occur.SHOULD);
        some = true;
      }
    }
    return some ? any.build() : null;
  }

  /**
   * What the query means in words, for the embedder: its positive free-text clauses as typed
   * (stop words included, they carry meaning for a model), without field prefixes and negations.
   */
  static String meaningText(ParsedQuery parsed) {
    StringBuilder sb = new StringBuilder();
    for (ParsedQuery.Clause c : parsed.clauses()) {
      if (c.field() == null && !c.negated() && !c.text().isBlank()) {
        sb.append(sb.isEmpty() ? "" : " ").append(c.text().strip());
      }
    }
    return sb.toString();
  }

  /** How many positive clauses the query requires (relaxing only helps with two or more). */
  int requiredClauses(ParsedQuery parsed) {
    int n = 0;
    for (ParsedQuery.Clause c : searchableClauses(parsed.clauses())) {
      if (!c.negated() && clauseQuery(c) != null) {
        n++;
      }
    }
    return n;
  }

  private Query clauseQuery(ParsedQuery.Clause c) {
    if (c.field() != null) {
      return fieldQuery(FIELD_PREFIXES.get(c.field()), c);
    }
    List<Query> perField = new ArrayList<>();
    for (Map.Entry<String, Float> f : weights.byField().entrySet()) {
      Query q = fieldQuery(f.getKey(), c);
      if (q != null) {
        perField.add(f.getValue() == 1f ? q : new BoostQuery(q, f.getValue()));
      }
    }
    if (perField.isEmpty()) {
      return null;
    }
    return perField.size() == 1 ? perField.get(0) : new DisjunctionMaxQuery(perField, (float) weights.tieBreaker());
  }

  private Query fieldQuery(String field, ParsedQuery.Clause c) {
    return c.searchedAsPhrase() ? builder.createPhraseQuery(field, c.text(), 0)
        : builder.createBooleanQuery(field, c.text(), BooleanClause.Occur.MUST);
  }

  private static List<ParsedQuery.Clause> searchableClauses(List<ParsedQuery.Clause> clauses) {
    return clauses.stream().filter(c -> !isStopWord(c) || c.negated()).toList();
  }

  private static boolean isStopWord(ParsedQuery.Clause c) {
    return c.field() == null && !c.phrase() && BlogAnalyzers.STOP_WORDS.contains(c.text().toLowerCase(Locale.ROOT));
  }
}
