package io.blogsearch.related;

import java.util.Locale;

/**
 * 64-bit SimHash of a text's word 3-shingles: near-identical texts get fingerprints a few bits
 * apart, so duplicates (syndicated copies, reposts) can be kept out of a related list.
 */
final class SimHash {
  static final int NEAR_DUPLICATE_BITS = 3;
  /** Below this many characters a text has too few shingles for its fingerprint to mean much. */
  static final int MIN_CHARS = 200;

  private SimHash() {}

  static long of(String text) {
    String[] words = words(text);
    int[] votes = new int[64];
    for (int i = 0; i + 2 < words.length; i++) {
      long h = fnv(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]);
      for (int b = 0; b < 64; b++) {
        votes[b] += (h >>> b & 1) == 1 ? 1 : -1;
      }
    }
    long out = 0;
    for (int b = 0; b < 64; b++) {
      if (votes[b] > 0) {
        out |= 1L << b;
      }
    }
    return out;
  }

  /** Same words in the same order, ignoring case, punctuation and spacing. */
  static boolean sameWords(String a, String b) {
    return java.util.Arrays.equals(words(a), words(b));
  }

  /** A hash of the words {@link #sameWords} compares: texts with the same words have the same hash. */
  static long wordsHash(String text) {
    return fnv(String.join(" ", words(text)));
  }

  private static String[] words(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    return words.length > 0 && words[0].isEmpty() ? java.util.Arrays.copyOfRange(words, 1, words.length) : words;
  }

  static boolean nearDuplicate(long a, long b) {
    return Long.bitCount(a ^ b) <= NEAR_DUPLICATE_BITS;
  }

  private static long fnv(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h ^ (h >>> 29);
  }
}
