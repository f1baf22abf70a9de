package io.blogsearch.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per data folder, with a real second process holding the OS lock. */
class WriterLockTest {
  @TempDir Path site;

  @Test
  void aSecondWriterIsRefusedWithTheHoldersPidAndCommandUntilTheHolderDies() throws Exception {
    Process holder = LockHolder.start(site, "serve");
    try {
      WriterLock.Held held = assertThrows(WriterLock.Held.class, () -> WriterLock.acquire(site, "index"));
      assertEquals(String.valueOf(holder.pid()), held.pid());
      assertEquals("serve", held.command());
      assertTrue(held.isServer());
      assertEquals("pid " + holder.pid() + " (serve) holds " + site.resolve("writer.lock"), held.getMessage());
    } finally {
      holder.destroyForcibly().waitFor();
    }
    try (WriterLock lock = WriterLock.acquire(site, "index")) {
      assertTrue(Files.readString(site.resolve("writer.lock")).startsWith("pid=" + ProcessHandle.current().pid()
          + "\ncommand=index\n"));
    }
  }

  @Test
  void theLockIsExclusiveWithinOneProcessAndFreeAgainAfterClose() {
    try (WriterLock first = WriterLock.acquire(site, "crawl")) {
      WriterLock.Held held = assertThrows(WriterLock.Held.class, () -> WriterLock.acquire(site, "rollback"));
      assertEquals("crawl", held.command());
      assertFalse(held.isServer());
    }
    WriterLock.acquire(site, "rollback").close();
  }
}
