package io.tributary.engine.changestream;

import io.tributary.engine.error.ErrorCode;

/** The {@code fullDocumentBeforeChange} option: the pre-image on update, replace and delete (reference §1.7). */
public enum FullDocumentBeforeChange {
  OFF("off"),
  WHEN_AVAILABLE("whenAvailable"),
  REQUIRED("required");

  private final String value;

  FullDocumentBeforeChange(String value) {
    this.value = value;
  }

  static FullDocumentBeforeChange parse(String value) {
    for (FullDocumentBeforeChange mode : values()) {
      if (mode.value.equals(value)) {
        return mode;
      }
    }
    throw ErrorCode.BAD_VALUE.error("Enumeration value '" + value
        + "' for field '$changeStream.fullDocumentBeforeChange' is not a valid value.");
  }
}
