package io.blogsearch.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** Makes a generation look as if an older build wrote it: its commit records another layout version. */
public final class OldLayout {
  private OldLayout() {}

  public static void rewrite(Path indexDir, String version) throws IOException {
    try (Directory d = FSDirectory.open(indexDir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      Map<String, String> data = new HashMap<>();
      w.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
      data.put("schema", version);
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }
  }
}
