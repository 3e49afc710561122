package io.tributary.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.bson.BsonDocument;

/**
 * A resume token kept in a file as one line of Extended JSON: the saved offset of a change-stream consumer.
 * {@link #save} writes a sibling temporary file, forces it to disk and renames it over the file, so the file always
 * holds either the previous token or the new one, never a torn write, even across a crash. Not thread-safe: one
 * writer per file.
 */
record ResumeTokenFile(Path path) {
  /** The file cannot be read, written, or does not hold a resume token; the message names the file. */
  static final class Unusable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unusable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The saved token, or empty when the file does not exist yet. */
  Optional<BsonDocument> load() {
    if (!Files.exists(path)) {
      return Optional.empty();
    }
    String json;
    try {
      json = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new Unusable("cannot read resume token file " + path + ": " + e, e);
    }
    try {
      BsonDocument token = BsonDocument.parse(json);
      token.getString("_data");
      return Optional.of(token);
    } catch (RuntimeException e) {
      throw new Unusable(path + " does not hold a resume token ({\"_data\": \"...\"}): " + e.getMessage(), e);
    }
  }

  /** Replaces the saved token atomically (write, fsync, rename). */
  void save(BsonDocument token) {
    Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      channel.write(StandardCharsets.UTF_8.encode(token.toJson() + "\n"));
      channel.force(true);
    } catch (IOException e) {
      throw new Unusable("cannot write resume token file " + temporary + ": " + e, e);
    }
    try {
      // A rename within one directory is atomic on POSIX file systems; there is deliberately no non-atomic fallback.
      Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new Unusable("cannot replace resume token file " + path + ": " + e, e);
    }
  }
}
