package io.tributary.engine.cursor;

import io.tributary.engine.Namespace;
import io.tributary.engine.error.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.BsonDocument;

/**
 * The open server cursors, by id. Ids are random positive non-zero 64-bit numbers, as mongod's are. A cursor is
 * checked out by one {@code getMore} at a time ({@code CursorInUse} otherwise) and checked back in afterwards;
 * cursors idle longer than {@link #IDLE_TIMEOUT} (by the injected {@link Clock}) are closed by {@link #reapIdle}
 * unless opened with {@code noCursorTimeout}. Thread-safe.
 */
public final class CursorRegistry {
  /** mongod's {@code cursorTimeoutMillis} default. */
  public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);
  private static final ErrorCode CURSOR_IN_USE = new ErrorCode(292, "CursorInUse");

  private final Clock clock;
  private final Map<Long, Registration> cursors = new ConcurrentHashMap<>();

  private static final class Registration {
    final ServerCursor cursor;
    final boolean noTimeout;
    final AtomicBoolean checkedOut = new AtomicBoolean();
    volatile long lastUsedMillis;

    Registration(ServerCursor cursor, boolean noTimeout, long now) {
      this.cursor = cursor;
      this.noTimeout = noTimeout;
      this.lastUsedMillis = now;
    }
  }

  public CursorRegistry(Clock clock) {
    this.clock = clock;
  }

  /** A fresh id, not used by any open cursor. */
  public long newCursorId() {
    long id;
    do {
      id = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    } while (cursors.containsKey(id));
    return id;
  }

  public void register(ServerCursor cursor, boolean noTimeout) {
    cursors.put(cursor.id(), new Registration(cursor, noTimeout, clock.millis()));
  }

  /**
   * Checks a cursor out for one {@code getMore} on {@code namespace}. Fails with {@code CursorNotFound} (43) when
   * there is no such cursor, {@code Unauthorized} (13) when it belongs to another namespace or session, and
   * {@code CursorInUse} (292) while another {@code getMore} holds it.
   */
  public ServerCursor checkOut(long id, Namespace namespace, BsonDocument lsid) {
    Registration registration = cursors.get(id);
    if (registration == null) {
      throw ErrorCode.CURSOR_NOT_FOUND.error("cursor id " + id + " not found");
    }
    ServerCursor cursor = registration.cursor;
    if (!cursor.namespace().equals(namespace)) {
      throw ErrorCode.UNAUTHORIZED.error("Requested getMore on namespace '" + namespace
          + "', but cursor belongs to a different namespace " + cursor.namespace());
    }
    if (cursor.lsid() != null && lsid != null && !cursor.lsid().get("id").equals(lsid.get("id"))) {
      throw ErrorCode.location(50738).error("Cannot run getMore on cursor " + id
          + ", which was created in session " + cursor.lsid().toJson() + ", in session " + lsid.toJson());
    }
    if (!registration.checkedOut.compareAndSet(false, true)) {
      throw CURSOR_IN_USE.error("cursor id " + id + " is already in use");
    }
    return cursor;
  }

  /** Returns a checked-out cursor; an exhausted one is removed and closed instead. */
  public void checkIn(ServerCursor cursor, boolean exhausted) {
    Registration registration = cursors.get(cursor.id());
    if (registration == null) {
      cursor.close(); // killed while checked out
      return;
    }
    if (exhausted) {
      remove(cursor.id());
      return;
    }
    registration.lastUsedMillis = clock.millis();
    registration.checkedOut.set(false);
  }

  /** Closes and forgets a cursor; false when there was none with that id. */
  public boolean kill(long id) {
    return remove(id);
  }

  public boolean contains(long id) {
    return cursors.containsKey(id);
  }

  /** Closes cursors idle for longer than {@link #IDLE_TIMEOUT}; returns how many. */
  public int reapIdle() {
    long deadline = clock.millis() - IDLE_TIMEOUT.toMillis();
    List<Long> idle = new ArrayList<>();
    cursors.forEach((id, r) -> {
      if (!r.noTimeout && !r.checkedOut.get() && r.lastUsedMillis < deadline) {
        idle.add(id);
      }
    });
    idle.forEach(this::remove);
    return idle.size();
  }

  public int size() {
    return cursors.size();
  }

  public void closeAll() {
    new ArrayList<>(cursors.keySet()).forEach(this::remove);
  }

  private boolean remove(long id) {
    Registration registration = cursors.remove(id);
    if (registration == null) {
      return false;
    }
    if (!registration.checkedOut.get()) {
      registration.cursor.close(); // a checked-out cursor is closed by checkIn, after its getMore
    }
    return true;
  }
}
