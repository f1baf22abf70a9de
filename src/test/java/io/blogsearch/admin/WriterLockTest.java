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
      assertEquals("pid " + holder.pid() + " (serve) holds " + site.toRealPath().resolve("writer.lock"), held.getMessage());
    } finally {
      holder.destroyForcibly().waitFor();
    }
    WriterLock.acquire(site, "index").close();
    // read only once released: on POSIX, closing any channel to the file in the holding process drops the lock
    assertTrue(Files.readString(site.resolve("writer.lock")).startsWith("pid=" + ProcessHandle.current().pid()
        + "\ncommand=index\n"));
  }

  @Test
  void aRefusedSecondWriterInTheSameProcessLeavesTheLockHeldForOtherProcesses() throws Exception {
    try (WriterLock first = WriterLock.acquire(site, "crawl")) {
      WriterLock.Held held = assertThrows(WriterLock.Held.class, () -> WriterLock.acquire(site, "rollback"));
      assertEquals("crawl", held.command());
      assertEquals(String.valueOf(ProcessHandle.current().pid()), held.pid());
      assertFalse(held.isServer());
      assertEquals("held pid " + ProcessHandle.current().pid() + " (crawl) holds " + site.toRealPath().resolve("writer.lock"),
          LockProbe.run(site));
    }
    assertEquals("acquired", LockProbe.run(site));
  }
}
