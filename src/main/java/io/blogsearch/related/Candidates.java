package io.blogsearch.related;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * One post's candidates — the best MoreLikeThis matches and its nearest neighbours by vector —
 * each with both scores, and their fusion into one content score (see {@link RelatedOptions.Fusion}).
 * Without a vector for the post (or with semantic weight 0) only MoreLikeThis proposes, and the
 * content score is the lexical one alone, as it always was.
 */
final class Candidates {
  /**
   * @param lexical MoreLikeThis score over the post's own (0–1)
   * @param lexicalRank 1-based among the MoreLikeThis matches, 0 if not one
   * @param cosine of the two posts' vectors, NaN when either has none
   * @param semanticRank 1-based among the nearest neighbours, 0 if not one
   */
  record Candidate(int doc, double lexical, int lexicalRank, double cosine, int semanticRank) {}

  private final RelatedOptions options;
  private final Map<Integer, Candidate> byDoc;
  private final double floor;

  private Candidates(RelatedOptions options, Map<Integer, Candidate> byDoc, double floor) {
    this.options = options;
    this.byDoc = byDoc;
    this.floor = floor;
  }

  /**
   * @param query the post's MoreLikeThis query
   * @param extra further docs to score (the site's related links), if not found anyway
   */
  static Candidates gather(IndexSearcher searcher, Query query, int source, PostNeighbours neighbours,
      RelatedOptions options, int perSource, Collection<Integer> extra) throws IOException {
    boolean semantic = options.semanticWeight() > 0 && neighbours.has(source);
    boolean lexical = !semantic || options.semanticWeight() < 1;
    Map<Integer, Integer> lexicalRank = new LinkedHashMap<>();
    Map<Integer, Float> lexicalScore = new LinkedHashMap<>();
    float self = 0;
    if (lexical) {
      for (ScoreDoc sd : searcher.search(query, perSource + 1).scoreDocs) {
        if (sd.doc == source) {
          self = sd.score;
        } else if (lexicalRank.size() < perSource) {
          lexicalRank.put(sd.doc, lexicalRank.size() + 1);
          lexicalScore.put(sd.doc, sd.score);
        }
      }
    }
    Map<Integer, Double> nearest = semantic ? neighbours.nearest(source, perSource) : Map.of();
    List<Integer> docs = new ArrayList<>(lexicalRank.keySet());
    nearest.keySet().stream().filter(d -> !lexicalRank.containsKey(d)).forEach(docs::add);
    extra.stream().filter(d -> d != source && !docs.contains(d)).forEach(docs::add);
    List<Integer> unscored = new ArrayList<>(docs.stream().filter(d -> !lexicalScore.containsKey(d)).toList());
    if (self == 0) {
      unscored.add(source);
    }
    Map<Integer, Float> more = scores(searcher, query, unscored);
    lexicalScore.putAll(more);
    if (self == 0) {
      self = Math.max(1e-6f, more.getOrDefault(source, 0f));
    }
    Map<Integer, Integer> semanticRank = new LinkedHashMap<>();
    nearest.keySet().forEach(d -> semanticRank.put(d, semanticRank.size() + 1));
    Map<Integer, Candidate> byDoc = new LinkedHashMap<>();
    for (int d : docs) {
      double cosine = semantic ? nearest.getOrDefault(d, neighbours.cosine(source, d)) : Double.NaN;
      byDoc.put(d, new Candidate(d, Math.min(1.0, lexicalScore.getOrDefault(d, 0f) / self),
          lexicalRank.getOrDefault(d, 0), cosine, semanticRank.getOrDefault(d, 0)));
    }
    double floor = nearest.isEmpty() ? 0 : nearest.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
    return new Candidates(options, byDoc, floor);
  }

  Collection<Candidate> all() {
    return byDoc.values();
  }

  /**
   * The fused content score (0–1). A candidate without a vector, or any candidate of a post
   * without one, is scored by its words alone.
   */
  double content(Candidate c) {
    double w = options.semanticWeight();
    if (Double.isNaN(c.cosine()) || w == 0) {
      return c.lexical();
    }
    return switch (options.fusion()) {
      case BLEND -> (1 - w) * c.lexical() + w * Math.max(0, Math.min(1, (c.cosine() - floor) / (1 - floor)));
      case COSINE -> (1 - w) * c.lexical() + w * Math.max(0, c.cosine());
      case RRF -> {
        int k = options.rrfK();
        double lex = c.lexicalRank() == 0 ? 0 : (1 - w) / (k + c.lexicalRank());
        double sem = c.semanticRank() == 0 ? 0 : w / (k + c.semanticRank());
        yield Math.min(1.0, (lex + sem) * (k + 1));
      }
    };
  }

  /** Whether the candidate is among the post's nearest neighbours by vector. */
  static boolean similarTopic(Candidate c) {
    return c.semanticRank() > 0;
  }

  /** The exact scores of {@code docs} for {@code query}, by advancing one scorer per segment (cheaper than explain). */
  private static Map<Integer, Float> scores(IndexSearcher searcher, Query query, List<Integer> docs) throws IOException {
    Map<Integer, Float> out = new LinkedHashMap<>();
    if (docs.isEmpty()) {
      return out;
    }
    IndexReader reader = searcher.getIndexReader();
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
    List<Integer> sorted = docs.stream().sorted().distinct().toList();
    int leafIndex = -1;
    Scorer scorer = null;
    LeafReaderContext leaf = null;
    for (int doc : sorted) {
      int i = ReaderUtil.subIndex(doc, reader.leaves());
      if (i != leafIndex) {
        leafIndex = i;
        leaf = reader.leaves().get(i);
        scorer = weight.scorer(leaf);
      }
      float score = 0;
      if (scorer != null) {
        int target = doc - leaf.docBase;
        int at = scorer.docID() >= target ? scorer.docID() : scorer.iterator().advance(target);
        score = at == target ? scorer.score() : 0;
      }
      out.put(doc, score);
    }
    return out;
  }
}
