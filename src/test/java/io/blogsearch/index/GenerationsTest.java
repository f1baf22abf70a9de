package io.blogsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.extract.Article;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generation folders on disk: unfinished ones, the rollback target, the layout each index records. */
class GenerationsTest {
  @TempDir Path root;

  private Generations.Generation built(Generations generations, int posts) {
    Generations.Generation g = generations.create();
    List<Article> articles = new java.util.ArrayList<>();
    for (int i = 0; i < posts; i++) {
      articles.add(new Article("https://b.example/" + i, "Post " + i, "Body " + i, "", "", null, null, List.of(), List.of(),
          List.of(), List.of()));
    }
    new Indexer(BlogAnalyzers.Stemmer.PORTER).rebuild(articles, g.dir());
    return g;
  }

  @Test
  void removeUnfinishedDeletesExactlyTheFoldersWithoutComplete() throws Exception {
    Generations generations = new Generations(root);
    Generations.Generation one = built(generations, 2);
    generations.publish(one, "documents=2\n");
    Generations.Generation crashed = built(generations, 3);
    Generations.Generation empty = generations.create();
    Files.writeString(empty.dir().resolve("junk"), "half a segment");

    List<Generations.Generation> removed = generations.removeUnfinished();

    assertEquals(List.of(crashed, empty), removed);
    assertEquals(List.of(one), generations.list(false));
    assertEquals(Optional.of(one), generations.current());
  }

  @Test
  void previousIsTheNewestCompleteOlderGenerationAndPointMovesCurrent() {
    Generations generations = new Generations(root);
    Generations.Generation one = built(generations, 1);
    generations.publish(one, "");
    assertEquals(Optional.empty(), generations.previous());
    Generations.Generation unfinished = generations.create();
    Generations.Generation three = built(generations, 1);
    generations.publish(three, "");
    assertEquals(Optional.of(one), generations.previous());
    generations.point(one);
    assertEquals(Optional.of(one), generations.current());
    assertThrows(IllegalStateException.class, () -> generations.point(unfinished));
    assertEquals(Optional.of(one), generations.current());
  }

  @Test
  void layoutIsReadFromTheCommitAndAnotherLayoutIsRefused() throws Exception {
    Generations generations = new Generations(root);
    Generations.Generation g = built(generations, 4);
    assertEquals(IndexSchema.VERSION, Generations.layout(g));
    assertEquals(4, Generations.documents(g));
    Generations.requireReadableLayout(g);

    OldLayout.rewrite(g.dir(), "0");

    assertEquals("0", Generations.layout(g));
    Generations.LayoutMismatch refused = assertThrows(Generations.LayoutMismatch.class,
        () -> Generations.requireReadableLayout(g));
    assertEquals("gen-000001: index layout 0, this build reads " + IndexSchema.VERSION + ": run a full reindex",
        refused.getMessage());
  }

  @Test
  void discardNeverDeletesTheServingGeneration() {
    Generations generations = new Generations(root);
    Generations.Generation one = built(generations, 1);
    generations.publish(one, "");
    Generations.Generation two = generations.create();
    generations.discard(two);
    assertFalse(Files.exists(two.dir()));
    assertThrows(IllegalStateException.class, () -> generations.discard(one));
    assertTrue(Files.exists(one.dir().resolve("COMPLETE")));
  }
}
