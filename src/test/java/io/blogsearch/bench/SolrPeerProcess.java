package io.blogsearch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Solr peer (bench/solr-peer's SolrPeer) as a child JVM: started with the same heap as ours,
 * read until it reports both collections ready, stopped by closing its standard input.
 */
final class SolrPeerProcess implements AutoCloseable {
  private final Process process;
  /** Collection name → core URL (http://127.0.0.1:port/solr/core). */
  final Map<String, URI> cores = new LinkedHashMap<>();

  private SolrPeerProcess(Process process) {
    this.process = process;
  }

  static SolrPeerProcess start(Path module, String heap, Path docs, Path synonyms, Path work) throws IOException {
    Files.createDirectories(work);
    String cp = module.resolve("target/classes") + ":" + Files.readString(module.resolve("target/classpath.txt")).strip();
    Process p = new ProcessBuilder("java", "-Xmx" + heap, "-cp", cp, "io.blogsearch.solrpeer.SolrPeer",
        docs.toString(), synonyms.toString(), work.toString())
        .redirectError(ProcessBuilder.Redirect.appendTo(work.resolve("solr-stderr.log").toFile())).start();
    SolrPeerProcess peer = new SolrPeerProcess(p);
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      System.out.println("solr: " + line);
      if (line.startsWith("READY ")) {
        String[] parts = line.split(" ");
        peer.cores.put(parts[1], URI.create(parts[2]));
        if (peer.cores.size() == 2) {
          return peer;
        }
      }
    }
    peer.close();
    throw new IOException("the Solr peer exited before it was ready; see " + work.resolve("solr-stderr.log"));
  }

  @Override
  public void close() throws IOException {
    process.getOutputStream().close();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
