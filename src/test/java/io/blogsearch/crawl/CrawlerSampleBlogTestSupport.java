package io.blogsearch.crawl;

import io.blogsearch.demo.SamplePost;
import java.util.ArrayList;
import java.util.List;

/** Shared expectations of the crawler tests. */
final class CrawlerSampleBlogTestSupport {
  private CrawlerSampleBlogTestSupport() {}

  /** Comments in document order: each top-level comment followed by its replies, depth first. */
  static List<SamplePost.SampleComment> threadOrder(SamplePost p) {
    List<SamplePost.SampleComment> out = new ArrayList<>();
    add(p, 0, out);
    return out;
  }

  private static void add(SamplePost p, int parent, List<SamplePost.SampleComment> out) {
    for (SamplePost.SampleComment c : p.comments()) {
      if (c.parent() == parent) {
        out.add(c);
        add(p, c.id(), out);
      }
    }
  }
}
