package io.blogsearch.crawl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The crawl's work queue: each URL is queued at most once, sitemaps and feeds go first (they
 * list posts cheaply), pages breadth-first. {@link #take} hands work to a worker and returns null
 * once nothing is queued or in flight, or the crawl was stopped. While pages are held (a crawl's
 * sitemap phase) only discovery tasks are handed out; the pages wait, in order, for
 * {@link #releasePages}.
 */
final class Frontier {
  /** One unit of work. */
  record Task(String url, int depth, Kind kind) {}

  /** Pages are analysed; discovery files (sitemaps, feeds) only yield URLs. */
  enum Kind { PAGE, DISCOVERY }

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Deque<Task> queue = new ArrayDeque<>();
  private final Deque<Task> held = new ArrayDeque<>();
  private boolean holdingPages;
  private final Set<String> seen = new HashSet<>();
  private int inFlight;
  private boolean stopped;

  /** Queues a task unless its URL was queued before; true if queued. */
  boolean offer(Task task) {
    lock.lock();
    try {
      if (stopped || !seen.add(task.url())) {
        return false;
      }
      if (task.kind() == Kind.PAGE && holdingPages) {
        held.addLast(task);
      } else if (task.kind() == Kind.DISCOVERY) {
        queue.addFirst(task);
      } else {
        queue.addLast(task);
      }
      changed.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Keeps pages queued from now on out of {@link #take} until {@link #releasePages}. */
  void holdPages() {
    lock.lock();
    try {
      holdingPages = true;
    } finally {
      lock.unlock();
    }
  }

  /** Queues the held pages after whatever is queued, in the order they came. */
  void releasePages() {
    lock.lock();
    try {
      holdingPages = false;
      if (!stopped) {
        queue.addAll(held);
        held.clear();
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Marks a URL as handled without queueing it (e.g. a redirect target fetched inline). */
  boolean markSeen(String url) {
    lock.lock();
    try {
      return seen.add(url);
    } finally {
      lock.unlock();
    }
  }

  Task take() throws InterruptedException {
    lock.lock();
    try {
      while (queue.isEmpty() && inFlight > 0 && !stopped) {
        changed.await();
      }
      if (stopped || queue.isEmpty()) {
        changed.signalAll();
        return null;
      }
      inFlight++;
      return queue.pollFirst();
    } finally {
      lock.unlock();
    }
  }

  void done() {
    lock.lock();
    try {
      inFlight--;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Stops handing out work; returns the tasks that were still queued. */
  List<Task> stop() {
    lock.lock();
    try {
      stopped = true;
      List<Task> left = new ArrayList<>(queue);
      left.addAll(held);
      queue.clear();
      held.clear();
      changed.signalAll();
      return left;
    } finally {
      lock.unlock();
    }
  }

  int queued() {
    lock.lock();
    try {
      return queue.size() + held.size();
    } finally {
      lock.unlock();
    }
  }
}
