package io.tributary.engine.changestream;

import io.tributary.engine.error.ErrorCode;

/** The {@code fullDocument} option: what update events carry as {@code fullDocument} (reference §1.7). */
public enum FullDocument {
  /** Only inserts and replaces carry the document. */
  DEFAULT("default"),
  /** Updates carry the current version of the document, or null when it is gone. */
  UPDATE_LOOKUP("updateLookup"),
  /** Updates carry the post-image when one was recorded, else null. */
  WHEN_AVAILABLE("whenAvailable"),
  /** Updates carry the post-image; its absence fails the stream (NoMatchingDocument). */
  REQUIRED("required");

  private final String value;

  FullDocument(String value) {
    this.value = value;
  }

  static FullDocument parse(String value) {
    for (FullDocument mode : values()) {
      if (mode.value.equals(value)) {
        return mode;
      }
    }
    throw ErrorCode.BAD_VALUE.error("Enumeration value '" + value
        + "' for field '$changeStream.fullDocument' is not a valid value.");
  }
}
