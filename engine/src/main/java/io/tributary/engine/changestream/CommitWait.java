package io.tributary.engine.changestream;

/** A registration for one commit wake-up ({@link ChangeStreams#awaitWrite}); cancel it when the wait ends. */
@FunctionalInterface
public interface CommitWait {
  /** A wait that holds nothing (its wake-up was already handed to the worker). */
  CommitWait NONE = () -> { };

  /** Forgets the registration; the wake-up may still run if it was already due. Idempotent. */
  void cancel();
}
