package io.blogsearch.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.admin.ServingManager;
import io.blogsearch.extract.UrlNormalizer;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.related.RelatedService;
import io.blogsearch.related.RelatedSet;
import io.blogsearch.search.SearchOptions;
import io.blogsearch.search.SearchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Lazy opening, the cap on open sites (least recently used idle one closes), removal and broken sites. */
class SiteRegistryTest {
  static final SearchOptions OPTIONS = SearchOptions.defaults(BlogAnalyzers.synonyms("", BlogAnalyzers.Stemmer.PORTER));

  /** A site over an empty index that counts how often it was opened and closed. */
  static final class Counted {
    final AtomicInteger opens = new AtomicInteger();
    final List<ServingManager> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
    final Site site;

    Counted(String key, AtomicLong clock) {
      site = new Site(new Site.Settings(key, null, new UrlNormalizer(Set.of()), List.of(), SiteCredentials.NONE), () -> {
        opens.incrementAndGet();
        ServingManager serving = ServingManager.fixed(SearchService.empty(OPTIONS), new RelatedService(RelatedSet.empty()));
        opened.add(serving);
        return new Site.Runtime(serving, null, null);
      }, true, () -> { }, clock::get);
    }

    /** How many of its opened indexes were closed. */
    int closes() {
      int n = 0;
      for (ServingManager m : opened) {
        try {
          m.with(s -> null);
        } catch (org.apache.lucene.store.AlreadyClosedException e) {
          n++;
        }
      }
      return n;
    }
  }

  static int documents(SiteRegistry registry, Site site) throws Exception {
    return registry.use(site, r -> r.serving().with(s -> s.search().documentCount()));
  }

  @Test
  void opensASiteOnlyWhenFirstAskedAndOnce() throws Exception {
    AtomicLong clock = new AtomicLong();
    Counted a = new Counted("a", clock);
    SiteRegistry registry = new SiteRegistry(4);
    registry.add(a.site);
    assertFalse(a.site.isOpen());
    assertEquals((Object) null, a.site.ifOpen(r -> "open"), "not open: not run, not opened");
    assertEquals(0, a.opens.get());
    assertEquals(0, documents(registry, a.site));
    assertEquals(0, documents(registry, a.site));
    assertEquals(1, a.opens.get());
    assertTrue(a.site.isOpen());
    assertEquals("open", a.site.ifOpen(r -> "open"));
  }

  @Test
  void openingOneMoreThanTheCapClosesTheLeastRecentlyUsed() throws Exception {
    AtomicLong clock = new AtomicLong();
    List<Counted> sites = new ArrayList<>();
    SiteRegistry registry = new SiteRegistry(2);
    for (String key : List.of("a", "b", "c")) {
      Counted c = new Counted(key, clock);
      sites.add(c);
      registry.add(c.site);
    }
    clock.set(1);
    documents(registry, sites.get(0).site);
    clock.set(2);
    documents(registry, sites.get(1).site);
    clock.set(3);
    documents(registry, sites.get(0).site); // a is now more recent than b
    clock.set(4);
    documents(registry, sites.get(2).site);
    assertEquals(2, registry.openCount());
    assertTrue(sites.get(0).site.isOpen());
    assertFalse(sites.get(1).site.isOpen(), "b was used least recently");
    assertEquals(1, sites.get(1).closes());
    assertTrue(sites.get(2).site.isOpen());
    documents(registry, sites.get(1).site);
    assertEquals(2, sites.get(1).opens.get(), "a closed site opens again when asked");
  }

  @Test
  void aSiteWithARequestInFlightIsNotClosed() throws Exception {
    AtomicLong clock = new AtomicLong();
    Counted a = new Counted("a", clock);
    Counted b = new Counted("b", clock);
    SiteRegistry registry = new SiteRegistry(1);
    registry.add(a.site);
    registry.add(b.site);
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread slow = new Thread(() -> {
      try {
        registry.use(a.site, r -> {
          inside.countDown();
          release.await();
          return null;
        });
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    slow.start();
    inside.await();
    clock.set(10);
    documents(registry, b.site);
    assertTrue(a.site.isOpen(), "busy: kept open over the cap");
    assertEquals(0, a.closes());
    release.countDown();
    slow.join();
    clock.set(20);
    documents(registry, a.site);
    assertFalse(b.site.isOpen(), "idle now: closed for the next one");
  }

  @Test
  void aRemovedSiteWaitsForItsRequestsThenIsGone() throws Exception {
    AtomicLong clock = new AtomicLong();
    Counted a = new Counted("a", clock);
    SiteRegistry registry = new SiteRegistry(2);
    registry.add(a.site);
    CountDownLatch inside = new CountDownLatch(1);
    AtomicInteger answered = new AtomicInteger(-1);
    Thread request = new Thread(() -> {
      try {
        answered.set(registry.use(a.site, r -> {
          inside.countDown();
          Thread.sleep(300);
          return r.serving().with(s -> s.search().documentCount());
        }));
      } catch (Exception e) {
        answered.set(-2);
      }
    });
    request.start();
    inside.await();
    assertTrue(registry.remove("a").isPresent());
    request.join();
    assertEquals(0, answered.get(), "the in-flight request finished on the open index");
    assertEquals(1, a.closes(), "closed after it");
    assertThrows(Site.Gone.class, () -> registry.use(a.site, r -> null));
    assertTrue(registry.find("a").isEmpty());
    assertTrue(registry.remove("a").isEmpty());
  }

  @Test
  void aSiteThatCannotOpenIsUnavailableAndRetriedLater() throws Exception {
    AtomicLong clock = new AtomicLong();
    AtomicInteger attempts = new AtomicInteger();
    Site broken = new Site(new Site.Settings("broken", null, new UrlNormalizer(Set.of()), List.of(), SiteCredentials.NONE),
        () -> {
          attempts.incrementAndGet();
          throw new IllegalStateException("segments file is corrupt");
        }, true, () -> { }, clock::get);
    Counted fine = new Counted("fine", clock);
    SiteRegistry registry = new SiteRegistry(4);
    registry.add(broken);
    registry.add(fine.site);
    Site.Unavailable first = assertThrows(Site.Unavailable.class, () -> registry.use(broken, r -> null));
    assertEquals("site broken cannot serve: segments file is corrupt", first.getMessage());
    assertThrows(Site.Unavailable.class, () -> registry.use(broken, r -> null));
    assertEquals(1, attempts.get(), "not retried at once");
    assertEquals(0, documents(registry, fine.site));
    clock.addAndGet(Site.RETRY_OPEN_AFTER.toNanos());
    assertThrows(Site.Unavailable.class, () -> registry.use(broken, r -> null));
    assertEquals(2, attempts.get());
  }

  @Test
  void refusesTwoSitesOfOneKey() {
    AtomicLong clock = new AtomicLong();
    SiteRegistry registry = new SiteRegistry(2);
    registry.add(new Counted("a", clock).site);
    assertThrows(SiteRegistry.Duplicate.class, () -> registry.add(new Counted("a", clock).site));
    assertEquals(1, registry.size());
  }
}
