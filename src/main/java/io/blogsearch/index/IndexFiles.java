package io.blogsearch.index;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** The files of a Lucene index's latest commit, shared into another folder by hard links. */
final class IndexFiles {
  private IndexFiles() {}

  /**
   * Links every file of {@code from}'s latest commit (segments file included; never
   * {@code write.lock} or files of older commits) into {@code to}; copies a file the file system
   * will not link (another device, no hard links).
   */
  static void linkCommit(Path from, Path to) throws IOException {
    try (Directory d = FSDirectory.open(from)) {
      for (String name : SegmentInfos.readLatestCommit(d).files(true)) {
        Path source = from.resolve(name);
        Path target = to.resolve(name);
        try {
          Files.createLink(target, source);
        } catch (FileAlreadyExistsException e) {
          throw e;
        } catch (IOException | UnsupportedOperationException e) {
          Files.copy(source, target);
        }
      }
    }
  }
}
