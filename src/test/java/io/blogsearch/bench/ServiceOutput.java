package io.blogsearch.bench;

import java.io.BufferedReader;
import java.io.IOException;

/** A child service's output after start-up: read and dropped so the child never blocks on logging. */
final class ServiceOutput {
  private ServiceOutput() {}

  static void drainInBackground(BufferedReader out) {
    Thread drain = new Thread(() -> {
      try {
        while (out.readLine() != null) {
          // keep the pipe empty
        }
      } catch (IOException ignored) {
        // the child ended
      }
    }, "service-output");
    drain.setDaemon(true);
    drain.start();
  }
}
