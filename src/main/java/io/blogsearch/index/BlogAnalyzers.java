package io.blogsearch.index;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import org.apache.lucene.analysis.Analyzer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The text analysis shared by indexing and querying: standard tokens, English possessives
 * removed, lower case, ASCII folding, then stemming. Stop words stay in the index (so phrases
 * match exactly) and are dropped from visitors' free-text clauses instead, see {@link #STOP_WORDS}.
 * Synonyms apply at query time only, after stemming, with rules analysed by the same chain, so
 * "managers" meets the rule "manager, boss" and multi-word synonyms keep their graph.
 */
public final class BlogAnalyzers {
  /** Words too common to require in a free-text query. */
  public static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

  /**
   * Snowball's longer English stop list, as analysed terms (stemmed like the index): words too
   * common to make two posts similar, for MoreLikeThis and for explaining similarity.
   */
  public static Set<String> similarityStopWords(Stemmer stemmer) {
    Set<String> out = new HashSet<>();
    try (Reader r = IOUtils.getDecodingReader(SnowballFilter.class, "english_stop.txt", StandardCharsets.UTF_8);
        Analyzer a = index(stemmer)) {
      for (Object w : WordlistLoader.getSnowballWordSet(r)) {
        String word = new String((char[]) w);
        out.addAll(terms(a, word));
        out.add(word);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Stop lists for long natural-language queries (see {@link #stopWords(StopList, Stemmer)}). */
  public enum StopList {
    /** Lucene's English list (33 words), {@link #STOP_WORDS}: what the search box drops. */
    LUCENE,
    /** Snowball's English list (about 175 words) with its analysed forms. */
    SNOWBALL,
    /** Nothing dropped. */
    NONE
  }

  /** The lower-case words of a stop list (for {@code SNOWBALL} also as analysed by {@code stemmer}). */
  public static Set<String> stopWords(StopList list, Stemmer stemmer) {
    return switch (list) {
      case LUCENE -> {
        Set<String> out = new HashSet<>();
        STOP_WORDS.forEach(w -> out.add(new String((char[]) w)));
        yield Set.copyOf(out);
      }
      case SNOWBALL -> Set.copyOf(similarityStopWords(stemmer));
      case NONE -> Set.of();
    };
  }

  /** The terms {@code analyzer} makes of {@code text} (as the body field), in order. */
  public static List<String> terms(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  /** Which stemmer the chain ends with. */
  public enum Stemmer { PORTER, KSTEM, NONE }

  private BlogAnalyzers() {}

  /** The analyzer for indexed text fields. */
  public static Analyzer index(Stemmer stemmer) {
    return new Chain(stemmer, null, true);
  }

  /** The analyzer for query text: {@link #index} plus synonym expansion. */
  public static Analyzer query(Stemmer stemmer, SynonymMap synonyms) {
    return new Chain(stemmer, synonyms, true);
  }

  /** Unstemmed words (lower case, folded) for spelling suggestions and autocomplete. */
  public static Analyzer plain() {
    return new Chain(Stemmer.NONE, null, false);
  }

  /** Parses a synonyms file in Solr format (commas for equivalents, {@code =>} for mappings). */
  public static SynonymMap synonyms(Path file, Stemmer stemmer) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r, stemmer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read synonyms file " + file, e);
    }
  }

  /** Parses synonym rules given as text. */
  public static SynonymMap synonyms(String rules, Stemmer stemmer) {
    try {
      return parse(new StringReader(rules), stemmer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SynonymMap parse(Reader reader, Stemmer stemmer) throws IOException {
    try (Analyzer ruleAnalyzer = index(stemmer)) {
      SolrSynonymParser parser = new SolrSynonymParser(true, true, ruleAnalyzer);
      parser.parse(reader);
      return parser.build();
    } catch (ParseException e) {
      throw new IllegalArgumentException("bad synonym rule at line " + e.getErrorOffset() + ": " + e.getMessage(), e);
    }
  }

  private static final class Chain extends Analyzer {
    private final Stemmer stemmer;
    private final SynonymMap synonyms;
    private final boolean possessives;

    Chain(Stemmer stemmer, SynonymMap synonyms, boolean possessives) {
      this.stemmer = stemmer;
      this.synonyms = synonyms;
      this.possessives = possessives;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream ts = possessives ? new EnglishPossessiveFilter(source) : source;
      ts = new LowerCaseFilter(ts);
      ts = new ASCIIFoldingFilter(ts);
      ts = switch (stemmer) {
        case PORTER -> new PorterStemFilter(ts);
        case KSTEM -> new KStemFilter(ts);
        case NONE -> ts;
      };
      if (synonyms != null && synonyms.fst != null) {
        ts = new SynonymGraphFilter(ts, synonyms, true);
      }
      return new TokenStreamComponents(source, ts);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }
}
