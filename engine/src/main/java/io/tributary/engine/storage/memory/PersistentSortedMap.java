package io.tributary.engine.storage.memory;

import io.tributary.engine.storage.KeyValue;
import io.tributary.engine.storage.KeyValueIterator;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.NoSuchElementException;

/**
 * An immutable sorted map of byte keys (unsigned lexicographic order) to byte values: an AVL tree with path
 * copying. {@link #with} and {@link #without} return a new map sharing every untouched node with this one, so a
 * reference to a map is a point-in-time snapshot for free. Immutable and therefore thread-safe.
 *
 * <p>Notes: the tree is height-balanced (AVL), so lookups and updates touch at most ~1.44 log2(n) nodes and the
 * recursion depth stays small. The size and each subtree's byte total are maintained eagerly, so
 * {@code stats()} is O(1) and the byte size of any key range is O(log n) (what oplog retention asks for).
 */
final class PersistentSortedMap {
  static final PersistentSortedMap EMPTY = new PersistentSortedMap(null, 0);

  /** A tree node; {@code bytes} totals the key and value lengths of the whole subtree. */
  private record Node(byte[] key, byte[] value, Node left, Node right, int height, long bytes) {}

  private final Node root;
  private final long size;

  private PersistentSortedMap(Node root, long size) {
    this.root = root;
    this.size = size;
  }

  long size() {
    return size;
  }

  /** Total length of all keys and values. */
  long bytes() {
    return bytes(root);
  }

  /** Total length of the keys and values with {@code from <= key < to} (null bounds are open), in O(log n). */
  long bytes(byte[] from, byte[] to) {
    long upTo = to == null ? bytes() : bytesBelow(to);
    return from == null ? upTo : Math.max(0, upTo - bytesBelow(from));
  }

  private long bytesBelow(byte[] bound) {
    long total = 0;
    for (Node n = root; n != null; ) {
      if (Arrays.compareUnsigned(n.key, bound) < 0) {
        total += bytes(n.left) + n.key.length + n.value.length;
        n = n.right;
      } else {
        n = n.left;
      }
    }
    return total;
  }

  /** The tree's height: at most ~1.44 log2(n + 2), which the property tests check. */
  int height() {
    return height(root);
  }

  byte[] get(byte[] key) {
    Node n = root;
    while (n != null) {
      int c = Arrays.compareUnsigned(key, n.key);
      if (c == 0) {
        return n.value;
      }
      n = c < 0 ? n.left : n.right;
    }
    return null;
  }

  PersistentSortedMap with(byte[] key, byte[] value) {
    // One descent, not a get and a put: replacing an entry takes the key's and its old value's lengths off the
    // byte total, adding one takes nothing off; only the empty key (with an empty old value) needs a lookup.
    Node newRoot = put(root, key, value);
    boolean added = key.length > 0 ? bytes(root) + key.length + value.length == newRoot.bytes : get(key) == null;
    return new PersistentSortedMap(newRoot, added ? size + 1 : size);
  }

  PersistentSortedMap without(byte[] key) {
    return get(key) == null ? this : new PersistentSortedMap(remove(root, key), size - 1);
  }

  /** Entries with {@code from <= key < to} (null bounds are open), ascending or descending. */
  KeyValueIterator scan(byte[] from, byte[] to, boolean reverse) {
    return reverse ? new Descending(root, from, to) : new Ascending(root, from, to);
  }

  private static Node put(Node n, byte[] key, byte[] value) {
    if (n == null) {
      return node(key, value, null, null);
    }
    int c = Arrays.compareUnsigned(key, n.key);
    if (c < 0) {
      return balance(n.key, n.value, put(n.left, key, value), n.right);
    } else if (c > 0) {
      return balance(n.key, n.value, n.left, put(n.right, key, value));
    }
    return node(key, value, n.left, n.right);
  }

  /** Removes a key known to be present. */
  private static Node remove(Node n, byte[] key) {
    int c = Arrays.compareUnsigned(key, n.key);
    if (c < 0) {
      return balance(n.key, n.value, remove(n.left, key), n.right);
    } else if (c > 0) {
      return balance(n.key, n.value, n.left, remove(n.right, key));
    } else if (n.left == null) {
      return n.right;
    } else if (n.right == null) {
      return n.left;
    }
    Node successor = n.right;
    while (successor.left != null) {
      successor = successor.left;
    }
    return balance(successor.key, successor.value, n.left, remove(n.right, successor.key));
  }

  private static int height(Node n) {
    return n == null ? 0 : n.height;
  }

  private static long bytes(Node n) {
    return n == null ? 0 : n.bytes;
  }

  private static Node node(byte[] key, byte[] value, Node left, Node right) {
    long bytes = bytes(left) + bytes(right) + key.length + value.length;
    return new Node(key, value, left, right, Math.max(height(left), height(right)) + 1, bytes);
  }

  /** Builds a node whose subtrees' heights differ by at most 2, rotating it back into AVL balance. */
  private static Node balance(byte[] key, byte[] value, Node left, Node right) {
    int hl = height(left);
    int hr = height(right);
    if (hl > hr + 1) {
      if (height(left.left) >= height(left.right)) {
        return node(left.key, left.value, left.left, node(key, value, left.right, right));
      }
      Node lr = left.right;
      return node(lr.key, lr.value, node(left.key, left.value, left.left, lr.left), node(key, value, lr.right, right));
    }
    if (hr > hl + 1) {
      if (height(right.right) >= height(right.left)) {
        return node(right.key, right.value, node(key, value, left, right.left), right.right);
      }
      Node rl = right.left;
      return node(rl.key, rl.value, node(key, value, left, rl.left), node(right.key, right.value, rl.right, right.right));
    }
    return node(key, value, left, right);
  }

  /** In-order traversal with an explicit stack of the nodes still to visit. */
  private abstract static class Traversal implements KeyValueIterator {
    final Deque<Node> stack = new ArrayDeque<>();

    abstract boolean inRange(Node n);

    abstract void pushSuccessors(Node n);

    @Override
    public boolean hasNext() {
      return !stack.isEmpty() && inRange(stack.peek());
    }

    @Override
    public KeyValue next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Node n = stack.pop();
      pushSuccessors(n);
      return new KeyValue(n.key, n.value);
    }

    @Override
    public void close() {}
  }

  private static final class Ascending extends Traversal {
    private final byte[] to;

    Ascending(Node root, byte[] from, byte[] to) {
      this.to = to;
      for (Node n = root; n != null; ) {
        if (from == null || Arrays.compareUnsigned(n.key, from) >= 0) {
          stack.push(n);
          n = n.left;
        } else {
          n = n.right;
        }
      }
    }

    @Override
    boolean inRange(Node n) {
      return to == null || Arrays.compareUnsigned(n.key, to) < 0;
    }

    @Override
    void pushSuccessors(Node n) {
      for (Node m = n.right; m != null; m = m.left) {
        stack.push(m);
      }
    }
  }

  private static final class Descending extends Traversal {
    private final byte[] from;

    Descending(Node root, byte[] from, byte[] to) {
      this.from = from;
      for (Node n = root; n != null; ) {
        if (to == null || Arrays.compareUnsigned(n.key, to) < 0) {
          stack.push(n);
          n = n.right;
        } else {
          n = n.left;
        }
      }
    }

    @Override
    boolean inRange(Node n) {
      return from == null || Arrays.compareUnsigned(n.key, from) >= 0;
    }

    @Override
    void pushSuccessors(Node n) {
      for (Node m = n.left; m != null; m = m.right) {
        stack.push(m);
      }
    }
  }
}
