package io.blogsearch.solrpeer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.embedded.JettyConfig;

/**
 * Starts a 2-node SolrCloud 9.10.1 (solr-test-framework's MiniSolrCloudCluster, embedded
 * ZooKeeper), creates two one-shard collections from the bundled configset — {@code blog} with
 * Solr's default caches and {@code blog_nocache} without any — indexes the benchmark's documents
 * into both, prints {@code READY <collection> <core URL>} per collection and serves until its
 * standard input closes. Driven by blogsearch's io.blogsearch.bench.SolrComparison.
 *
 * <p>Usage: SolrPeer DOCS.jsonl SYNONYMS.txt WORK_DIR
 */
public final class SolrPeer {
  private static final String CACHES = """
          <filterCache class="solr.CaffeineCache" size="512" initialSize="512" autowarmCount="0"/>
          <queryResultCache class="solr.CaffeineCache" size="512" initialSize="512" autowarmCount="0"/>
          <documentCache class="solr.CaffeineCache" size="512" initialSize="512" autowarmCount="0"/>
      """;

  private SolrPeer() {}

  public static void main(String[] args) throws Exception {
    Path docs = Path.of(args[0]);
    Path synonyms = Path.of(args[1]);
    Path work = Files.createDirectories(Path.of(args[2]));
    long t0 = System.nanoTime();
    MiniSolrCloudCluster cluster = new MiniSolrCloudCluster(2, work.resolve("cluster"), JettyConfig.builder().build());
    System.out.printf("cluster of %d nodes started in %d ms%n", cluster.getJettySolrRunners().size(), (System.nanoTime() - t0) / 1_000_000);
    try {
      List<SolrInputDocument> batch = read(docs);
      for (String name : List.of("blog", "blog_nocache")) {
        Path conf = writeConfigset(work.resolve("configsets").resolve(name).resolve("conf"), synonyms, name.equals("blog") ? CACHES : "");
        cluster.uploadConfigSet(conf, name);
        CollectionAdminRequest.createCollection(name, name, 1, 1).process(cluster.getSolrClient());
        cluster.waitForActiveCollection(name, 1, 1);
        CloudSolrClient client = cluster.getSolrClient();
        long i0 = System.nanoTime();
        for (int i = 0; i < batch.size(); i += 500) {
          client.add(name, batch.subList(i, Math.min(batch.size(), i + 500)));
        }
        client.commit(name);
        long millis = (System.nanoTime() - i0) / 1_000_000;
        Replica replica = client.getClusterState().getCollection(name).getReplicas().get(0);
        System.out.printf("indexed %d docs into %s in %d ms%n", batch.size(), name, millis);
        System.out.println("READY " + name + " " + replica.getBaseUrl() + "/" + replica.getCoreName());
      }
      System.out.flush();
      InputStream in = System.in;
      while (in.read() >= 0) {
        // serve until the driver closes our stdin
      }
    } finally {
      cluster.shutdown();
    }
  }

  private static List<SolrInputDocument> read(Path docs) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<SolrInputDocument> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(docs), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        JsonNode n = json.readTree(line);
        SolrInputDocument d = new SolrInputDocument();
        n.fields().forEachRemaining(f -> {
          if (f.getValue().isArray()) {
            f.getValue().forEach(v -> d.addField(f.getKey(), v.asText()));
          } else if (f.getValue().isInt()) {
            d.addField(f.getKey(), f.getValue().asInt());
          } else {
            d.addField(f.getKey(), f.getValue().asText());
          }
        });
        out.add(d);
      }
    }
    return out;
  }

  private static Path writeConfigset(Path conf, Path synonyms, String caches) throws Exception {
    Files.createDirectories(conf);
    Files.writeString(conf.resolve("solrconfig.xml"), resource("solrconfig.xml").replace("@CACHES@", caches));
    Files.writeString(conf.resolve("schema.xml"), resource("schema.xml"));
    Files.copy(synonyms, conf.resolve("synonyms.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return conf;
  }

  private static String resource(String name) throws Exception {
    try (InputStream in = SolrPeer.class.getResourceAsStream("/configset/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
