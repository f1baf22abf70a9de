package io.blogsearch.bench;

import io.blogsearch.admin.ServingManager;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.extract.PostId;
import io.blogsearch.extract.UrlNormalizer;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Indexer;
import io.blogsearch.related.RelatedEngine;
import io.blogsearch.related.RelatedOptions;
import io.blogsearch.related.RelatedService;
import io.blogsearch.related.RelatedSet;
import io.blogsearch.search.SearchOptions;
import io.blogsearch.search.SearchService;
import io.blogsearch.web.ApiServer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Peer comparison with Apache Solr 9.10.1 (same Lucene 9.12.3): the same documents, analysis,
 * field weights, search requests (top 10, facets, snippet, did-you-mean) and related-posts
 * requests, sent over HTTP by wrk at 1, 8 and 32 connections to our API and to Solr (caches on
 * and off), interleaved, for several rounds; medians over rounds and per-round ratios. Our
 * related posts are precomputed per index generation; Solr's MoreLikeThis handler computes them
 * per request — that difference is the design being measured. Not a test; run
 * scripts/bench-solr.sh [handbook|sample] [seconds] [rounds].
 */
public final class SolrComparison {
  private static final int[] CONNECTIONS = {1, 8, 32};

  public static void main(String[] args) throws Exception {
    String corpusName = args.length > 0 ? args[0] : "handbook";
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path solrModule = Path.of(args.length > 3 ? args[3] : "bench/solr-peer");
    if (!Wrk.available()) {
      throw new IllegalStateException("wrk is missing: apt-get install -y wrk");
    }
    BenchCorpus corpus = BenchCorpus.load(corpusName);
    Path work = Files.createTempDirectory("bench-solr");
    Path dir = work.resolve("ours");
    BlogAnalyzers.Stemmer stemmer = BlogAnalyzers.Stemmer.PORTER;
    Path synonymRules = Path.of("crawler-config/synonyms.txt");
    long t0 = System.nanoTime();
    new Indexer(stemmer).rebuild(corpus.articles(), dir);
    long indexMillis = (System.nanoTime() - t0) / 1_000_000;
    RelatedSet related = new RelatedEngine(RelatedOptions.defaults(SiteConfig.Related.defaults()), stemmer)
        .compute(corpus.articles(), dir, RelatedSet.empty(), List.of());
    System.out.printf("ours: %d docs indexed in %d ms; %d related lists precomputed in %d ms%n",
        corpus.articles().size(), indexMillis, related.lists().size(), related.computedMillis());

    Path docs = work.resolve("docs.jsonl");
    Path synonyms = work.resolve("synonyms-stemmed.txt");
    SolrExport.docs(corpus.articles(), docs);
    SolrExport.stemmedSynonyms(synonymRules, stemmer, synonyms);

    List<QueryMix.Search> searches = QueryMix.generate(corpus.posts(), 500, 42);
    List<String> postUrls = new ArrayList<>(related.lists().keySet());
    Collections.shuffle(postUrls, new Random(3));
    postUrls = postUrls.subList(0, Math.min(500, postUrls.size()));

    SearchOptions options = SearchOptions.defaults(BlogAnalyzers.synonyms(synonymRules, stemmer));
    try (SearchService search = SearchService.open(dir, options);
        ApiServer api = new ApiServer(ServingManager.fixed(search, new RelatedService(related)),
            new UrlNormalizer(Set.of()), List.of()).start("127.0.0.1", 0);
        SolrPeerProcess solr = SolrPeerProcess.start(solrModule, heap(), docs, synonyms, work.resolve("solr"))) {
      URI ours = URI.create("http://127.0.0.1:" + api.port());
      Map<String, Target> targets = new LinkedHashMap<>();
      targets.put("search ours", new Target(ours, searches.stream().map(QueryMix.Search::path).toList()));
      targets.put("search Solr caches on", solrTarget(solr.cores.get("blog"), searches, SolrComparison::solrSearch));
      targets.put("search Solr caches off", solrTarget(solr.cores.get("blog_nocache"), searches, SolrComparison::solrSearch));
      targets.put("related ours", new Target(ours, postUrls.stream().map(SolrComparison::ourRelated).toList()));
      targets.put("related Solr MLT caches on", solrTarget(solr.cores.get("blog"), postUrls, SolrComparison::solrMlt));
      targets.put("related Solr MLT caches off", solrTarget(solr.cores.get("blog_nocache"), postUrls, SolrComparison::solrMlt));

      ResultOverlap.report(ours, solr.cores.get("blog"), searches, postUrls);
      RelatedQualityComparison.report(corpus, related, solr.cores.get("blog_nocache"));

      for (Map.Entry<String, Target> t : targets.entrySet()) {
        Wrk.run("warm-up", t.getValue().base().toString(), t.getValue().script(), 8, 5);
      }
      Map<String, List<LoadResult>> byRun = new LinkedHashMap<>();
      for (int round = 1; round <= rounds; round++) {
        System.out.println("round " + round);
        for (int c : CONNECTIONS) {
          for (Map.Entry<String, Target> t : targets.entrySet()) {
            String label = t.getKey() + ", " + c + " conns";
            LoadResult r = Wrk.run(label, t.getValue().base().toString(), t.getValue().script(), c, seconds);
            System.out.println(r.row());
            byRun.computeIfAbsent(label, k -> new ArrayList<>()).add(r);
          }
        }
      }
      printSummary(byRun, rounds);
    }
  }

  record Target(URI base, Path script) {
    Target(URI base, List<String> paths) throws java.io.IOException {
      this(base, Wrk.script(paths));
    }
  }

  interface PathBuilder<T> {
    String path(String corePath, T item);
  }

  private static <T> Target solrTarget(URI core, List<T> items, PathBuilder<T> builder) throws java.io.IOException {
    return new Target(onHost(core, ""), items.stream().map(i -> builder.path(core.getPath(), i)).toList());
  }

  /** {@code path} on the host and port of {@code uri}. */
  static URI onHost(URI uri, String path) {
    return URI.create(uri.getScheme() + "://" + uri.getAuthority() + path);
  }

  /** Our related-posts request for a post, five items like the widget's default. */
  static String ourRelated(String postUrl) {
    return "/api/related?limit=5&url=" + enc(postUrl);
  }

  /** The Solr request equivalent to {@link QueryMix.Search#path()} on our API. */
  static String solrSearch(String corePath, QueryMix.Search s) {
    StringBuilder p = new StringBuilder(corePath).append("/select?q=").append(enc(s.q()))
        .append("&facet.field=").append(enc("{!ex=cat}category_s"))
        .append("&facet.field=tag_s&facet.field=author_s&facet.field=year");
    if (s.category() != null) {
      String quoted = "\"" + s.category().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
      p.append("&fq=").append(enc("{!tag=cat}category_s:" + quoted));
    }
    return p.toString();
  }

  /** MoreLikeThis for a post, by its quoted id (unquoted ids can parse as other syntax). */
  static String solrMlt(String corePath, String postUrl) {
    return corePath + "/mlt?q=" + enc("id:\"" + PostId.of(postUrl) + "\"");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String heap() {
    long max = Runtime.getRuntime().maxMemory();
    return Math.max(256, max / (1024 * 1024)) + "m";
  }

  private static void printSummary(Map<String, List<LoadResult>> byRun, int rounds) {
    System.out.println();
    System.out.println("medians of " + rounds + " rounds");
    System.out.println(LoadResult.header());
    for (Map.Entry<String, List<LoadResult>> e : byRun.entrySet()) {
      List<LoadResult> rs = e.getValue();
      System.out.println(new LoadResult(e.getKey(), median(rs, LoadResult::qps), median(rs, LoadResult::p50ms),
          median(rs, LoadResult::p99ms), (long) median(rs, r -> r.requests()), (long) median(rs, r -> r.errors())).row());
    }
    System.out.println();
    System.out.println("ratios ours/Solr, per round (same round, same connections), then their median");
    for (String kind : List.of("search", "related")) {
      for (String solr : List.of(kind.equals("search") ? "search Solr caches on" : "related Solr MLT caches on",
          kind.equals("search") ? "search Solr caches off" : "related Solr MLT caches off")) {
        for (int c : CONNECTIONS) {
          List<LoadResult> ours = byRun.get(kind + " ours, " + c + " conns");
          List<LoadResult> theirs = byRun.get(solr + ", " + c + " conns");
          List<Double> qps = new ArrayList<>();
          List<Double> p99 = new ArrayList<>();
          for (int i = 0; i < ours.size(); i++) {
            qps.add(ours.get(i).qps() / theirs.get(i).qps());
            p99.add(ours.get(i).p99ms() / theirs.get(i).p99ms());
          }
          System.out.printf(Locale.ROOT, "%-36s %2d conns: QPS x %s median %.2f; p99 x %s median %.2f%n", "vs " + solr, c,
              fmt(qps), Medians.of(qps), fmt(p99), Medians.of(p99));
        }
      }
    }
  }

  private static double median(List<LoadResult> rs, java.util.function.ToDoubleFunction<LoadResult> f) {
    return Medians.of(rs.stream().map(r -> f.applyAsDouble(r)).toList());
  }


  private static String fmt(List<Double> values) {
    return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList().toString();
  }
}
