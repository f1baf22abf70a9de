package io.blogsearch.admin;

import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.index.BlogAnalyzers;
import java.nio.file.Path;

/**
 * Child-process body for the crash test: builds index generations from the stored crawl output
 * over and over until killed. Args: config YAML text file, data dir.
 */
public final class ReindexLoop {
  public static void main(String[] args) throws Exception {
    SiteConfig site = new ConfigLoader().parse(java.nio.file.Files.readString(Path.of(args[0]))).withDataDir(Path.of(args[1]));
    IndexBuilder builder = new IndexBuilder(site, BlogAnalyzers.Stemmer.PORTER);
    System.out.println("ready");
    System.out.flush();
    while (true) {
      builder.build(true, () -> false);
    }
  }
}
