package io.blogsearch.bench;

import io.blogsearch.demo.HandbookCorpus;
import io.blogsearch.demo.SampleBlog;
import io.blogsearch.demo.SamplePost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Many sites in one {@code serve --service} process (issue 16, item 5): heap after GC, resident
 * memory, open files, threads and open sites when idle and after load, and /api/sites/{site}/search
 * QPS and p50/p99 at 8 connections (wrk, medians of 3 runs) with the load spread over all sites.
 * Ratios are against the one-site run of the same corpus in the same invocation. Not a test; run
 * scripts/bench-sites.sh [seconds] [handbook-copies].
 */
public final class SitesBenchmark {
  private record Scenario(String label, SiteCopies.Template template, int sites, int maxOpen, double hotShare) {}

  private record Outcome(Scenario scenario, MultiSiteProcess.Resources idle, MultiSiteProcess.Resources loaded,
      double qps, double p50, double p99, long errors) {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int handbookCopies = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    if (!Wrk.available()) {
      throw new IllegalStateException("wrk is missing: apt-get install -y wrk");
    }
    Path root = Files.createTempDirectory("bench-sites");
    SampleBlog sample = SampleBlog.load();
    SiteCopies.Template small = SiteCopies.build("sample", sample, root);
    describe(small);
    List<Scenario> scenarios = new ArrayList<>(List.of(
        new Scenario("1 sample site (baseline)", small, 1, 64, 0),
        new Scenario("10 sample sites", small, 10, 64, 0),
        new Scenario("50 sample sites", small, 50, 64, 0),
        new Scenario("50 sample sites, maxOpenSites 16, uniform", small, 50, 16, 0),
        new Scenario("50 sample sites, maxOpenSites 16, 80% to 8", small, 50, 16, 0.8),
        new Scenario("1 sample site (baseline repeated: noise)", small, 1, 64, 0)));
    SampleBlog handbook = null;
    if (handbookCopies > 0 && Files.isDirectory(BenchCorpus.HANDBOOK)) {
      handbook = HandbookCorpus.load(BenchCorpus.HANDBOOK).blog();
      SiteCopies.Template big = SiteCopies.build("handbook", handbook, root);
      describe(big);
      scenarios.add(new Scenario("1 Handbook site (baseline)", big, 1, 64, 0));
      scenarios.add(new Scenario(handbookCopies + " Handbook sites", big, handbookCopies, 64, 0));
    } else {
      System.out.println("Handbook runs skipped (no ../shared/corpora/handbook or 0 copies asked)");
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Scenario s : scenarios) {
      outcomes.add(run(s, root.resolve("scenario-" + outcomes.size()), s.template().kind().equals("sample")
          ? sample.posts() : handbook.posts(), seconds));
    }
    report(outcomes, seconds);
  }

  private static void describe(SiteCopies.Template t) {
    System.out.printf(Locale.ROOT, "template %s: %d pages crawled, site data dir %.1f MiB%n", t.kind(), t.pages(),
        t.bytes() / 1048576.0);
  }

  private static Outcome run(Scenario s, Path dir, List<SamplePost> posts, int seconds) throws Exception {
    List<String> sites = SiteCopies.copies(s.template(), s.template().kind(), s.sites(), dir);
    try (MultiSiteProcess service = new MultiSiteProcess(dir, sites, s.maxOpen(), "2g")) {
      MultiSiteProcess.Resources idle = service.resources();
      service.checkEverySiteServes(sites);
      var script = Wrk.script(paths(sites, QueryMix.generate(posts, 500, 42), s.hotShare()));
      // the JIT is still speeding up after 10 s on 2 cores (bench-results/sites-2026-12-02-warmup10s.txt)
      Wrk.run("warm-up", service.base(), script, 8, 30);
      List<Double> qps = new ArrayList<>();
      List<Double> p50 = new ArrayList<>();
      List<Double> p99 = new ArrayList<>();
      long errors = 0;
      for (int i = 0; i < 3; i++) {
        LoadResult r = Wrk.run(s.label(), service.base(), script, 8, seconds);
        System.out.println(r.row());
        qps.add(r.qps());
        p50.add(r.p50ms());
        p99.add(r.p99ms());
        errors += r.errors();
      }
      MultiSiteProcess.Resources loaded = service.resources();
      Outcome o = new Outcome(s, idle, loaded, Medians.of(qps), Medians.of(p50), Medians.of(p99), errors);
      System.out.println(row(o, null));
      return o;
    }
  }

  /**
   * The request paths wrk rotates through: each query goes to the next site in turn, or, with a
   * hot share, that share of requests to the first 8 sites and the rest spread over all.
   */
  static List<String> paths(List<String> sites, List<QueryMix.Search> queries, double hotShare) {
    Random r = new Random(7);
    int n = Math.max(1000, sites.size() * 20);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String site = hotShare > 0 && r.nextDouble() < hotShare ? sites.get(r.nextInt(Math.min(8, sites.size())))
          : hotShare > 0 ? sites.get(r.nextInt(sites.size())) : sites.get(i % sites.size());
      out.add(queries.get(i % queries.size()).path().replaceFirst("^/api/", "/api/sites/" + site + "/"));
    }
    return out;
  }

  private static void report(List<Outcome> outcomes, int seconds) {
    System.out.println();
    System.out.printf(Locale.ROOT, "8 connections, wrk, %d s per run, medians of 3 runs; resources after a full GC "
        + "(jcmd GC.run), idle = after start-up (no site opened yet), loaded = after the runs%n", seconds);
    System.out.println("fds = open descriptors, dfd = of them under the data dir (writer locks; Lucene's MMapDirectory"
        + " closes a file once mapped), maps = data-dir files memory-mapped, open = sites open; x = ratio to baseline");
    System.out.println(header());
    Outcome baseline = null;
    for (Outcome o : outcomes) {
      if (o.scenario().label().endsWith("(baseline)")) {
        baseline = o;
      }
      System.out.println(row(o, baseline));
    }
  }

  private static String header() {
    return String.format(Locale.ROOT, "%-44s %5s %4s | %7s %7s %4s %4s %5s %4s | %7s %7s %4s %4s %5s %4s %4s | %8s %7s %7s %5s %5s %5s %4s",
        "scenario", "sites", "cap", "heapMiB", "rssMiB", "fds", "dfd", "maps", "thr", "heapMiB", "rssMiB", "fds", "dfd",
        "maps", "thr", "open", "QPS", "p50ms", "p99ms", "xQPS", "xp50", "xp99", "err");
  }

  private static String row(Outcome o, Outcome base) {
    return String.format(Locale.ROOT, "%-44s %5d %4d | %s | %s %4d | %8.1f %7.2f %7.2f %5s %5s %5s %4d",
        o.scenario().label(), o.scenario().sites(), o.scenario().maxOpen(), cells(o.idle()), cells(o.loaded()),
        o.loaded().openSites(), o.qps(), o.p50(), o.p99(), ratio(o.qps(), base == null ? 0 : base.qps()),
        ratio(o.p50(), base == null ? 0 : base.p50()), ratio(o.p99(), base == null ? 0 : base.p99()), o.errors());
  }

  private static String cells(MultiSiteProcess.Resources r) {
    return String.format(Locale.ROOT, "%7.1f %7.1f %4d %4d %5d %4d", r.heapMiB(), r.rssMiB(), r.fds(), r.dataFds(),
        r.mappedFiles(), r.threads());
  }

  private static String ratio(double value, double base) {
    return base <= 0 ? "-" : String.format(Locale.ROOT, "%.2f", value / base);
  }
}
